import type { Context } from '../context/context.js';
import type { InputResponses } from '../protocol/input-requests.js';
import type { InputRequired } from './input-required.js';

/**
 * Answers what a handler asked for through the context's own client calls:
 * on a 2025 session these are real server-to-client requests (in tests,
 * `createTestContext`'s scripted answers). Requests are sent one after another,
 * in the order the handler listed them.
 */
export const fulfilInput = async (asked: InputRequired, ctx: Context): Promise<InputResponses> => {
  const responses: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [key, request] of Object.entries(asked.requests)) {
    const params = request.params as Record<string, unknown>;
    if (request.method === 'roots/list') responses[key] = { roots: await ctx.roots() };
    else if (request.method === 'sampling/createMessage')
      responses[key] = (await ctx.sample(params as never)) as unknown as Record<string, unknown>;
    else {
      const outcome =
        params.mode === 'url'
          ? await ctx.elicit({ mode: 'url', message: String(params.message), url: String(params.url) })
          : await ctx.elicit({
              message: String(params.message),
              requestedSchema: (params.requestedSchema ?? {}) as Record<string, unknown>,
            });
      responses[key] = outcome as unknown as Record<string, unknown>;
    }
  }
  return responses;
};
