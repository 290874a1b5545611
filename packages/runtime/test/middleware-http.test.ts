import {
  createServer,
  errorHandling,
  ProtocolError,
  type RequestLogEntry,
  requestLogging,
  TIMING_META_KEY,
  timeout,
  timing,
  tool,
} from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHttp, createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

class NotFound extends Error {}

describe('built-in middleware through a real transport (SDK Client over Streamable HTTP)', () => {
  it('requestLogging, timing, errorHandling and timeout act on real requests', async () => {
    const entries: RequestLogEntry[] = [];
    const server = createServer(
      { name: 'mw', version: '1' },
      [
        tool({ name: 'fast', run: () => 'quick' }),
        tool({
          name: 'hang',
          run: (_a, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)),
        }),
      ],
      {
        middleware: [
          requestLogging({ write: (entry) => entries.push(entry) }),
          timing(),
          errorHandling({
            map: (error) => (error instanceof NotFound ? new ProtocolError(-32002, error.message) : undefined),
          }),
          timeout({ ms: 60_000, methods: { 'tools/call': 50 } }),
          (request, _ctx, next) => {
            if (request.method === 'prompts/list') throw new NotFound('no prompts here');
            return next();
          },
        ],
      },
    );
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);

    const fast = await client.callTool({ name: 'fast' });
    expect(fast.content).toEqual([{ type: 'text', text: 'quick' }]);
    expect(typeof (fast._meta as Record<string, unknown>)[TIMING_META_KEY]).toBe('number');

    await expect(client.callTool({ name: 'hang' })).rejects.toMatchObject({ code: -32001 });
    await expect(client.listPrompts()).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining('no prompts here'),
    });

    const calls = entries.filter((e) => e.method === 'tools/call');
    expect(calls.map((e) => [e.target, e.outcome])).toEqual([
      ['fast', 'ok'],
      ['hang', 'error'],
    ]);
    expect(calls[0]?.sessionId).toMatch(/.+/);
  });
});
