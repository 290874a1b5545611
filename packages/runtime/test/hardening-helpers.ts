/**
 * Shared pieces of the hardening suite (hostile input, isolation, resource
 * limits): a server whose tools echo, inspect, inject and hang on purpose,
 * and raw-protocol helpers that check answers without an SDK in the way.
 */
import { type CallToolResult, createServer, type Middleware, type Server, ToolError, tool } from '@mcpkit/core';
import * as v from 'valibot';
import { expect } from 'vitest';
import { post, sseReader } from './http-helpers.js';

/**
 * A string that would end the SSE event and start a forged one if written
 * unescaped; also characters other parsers treat as line ends (U+2028/2029,
 * NEL) and a lone surrogate.
 */
export const SSE_INJECTION =
  'a\n\nevent: forged\ndata: {"jsonrpc":"2.0","id":1,"result":{"forged":true}}\n\nid: 99\r\ndata: x\r\rz\u2028\u2029\u0085\ud800';

/** Never settles, and ignores its signal: the worst kind of handler. */
const never = () => new Promise<never>(() => {});

/** The hardening fixture; `middleware` lets a test add e.g. `timeout()`. */
export const createHardeningServer = (middleware: readonly Middleware[] = []): Server =>
  createServer(
    { name: 'hardening', version: '1.0.0' },
    [
      tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text }),
      tool({
        name: 'inspect',
        description: 'Reports the raw arguments it got: own keys and whether their prototype is intact',
        run: (args) =>
          JSON.stringify({
            keys: Object.keys(args),
            plainPrototype: Object.getPrototypeOf(args) === Object.prototype,
            inherited: Object.keys(Object.getPrototypeOf(args) ?? {}),
          }),
      }),
      tool({
        name: 'flags',
        input: v.object({ items: v.array(v.number()), admin: v.optional(v.boolean(), false) }),
        run: ({ items, admin }) => `admin=${admin} items=${items.length}`,
      }),
      tool({
        name: 'inject',
        description: 'Puts `payload` in a log message, a progress message, and the result (or an error)',
        input: v.object({ payload: v.string(), fail: v.optional(v.picklist(['tool', 'crash'])) }),
        run: async ({ payload, fail }, ctx) => {
          ctx.log.warning(payload, payload);
          await ctx.progress(1, 2, payload);
          if (fail === 'tool') throw new ToolError(payload);
          if (fail === 'crash') throw new Error(payload);
          return payload;
        },
      }),
      tool({
        name: 'later',
        description: 'Echoes `text` after `ms` milliseconds, so concurrent calls overlap and finish out of order',
        input: v.object({ text: v.string(), ms: v.number() }),
        run: async ({ text, ms }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return text;
        },
      }),
      tool({
        name: 'ask',
        description: 'Asks the client to sample, and returns the text it answered',
        run: async (_args, ctx) => {
          const answer = await ctx.sample({ messages: 'who answers?', maxTokens: 5 });
          const [first] = [answer.content].flat();
          return first?.type === 'text' ? first.text : '';
        },
      }),
      tool({ name: 'hang', description: 'Never answers; its timeoutMs frees it', timeoutMs: 100, run: never }),
      tool({ name: 'hang_forever', description: 'Never answers and has no timeout of its own', run: never }),
      tool({
        name: 'state',
        description: 'Returns the session secret (and sets it when `set` is given)',
        input: v.object({ set: v.optional(v.string()) }),
        run: ({ set }, ctx) => {
          const previous = ctx.session.state.get('secret');
          if (set !== undefined) ctx.session.state.set('secret', set);
          return JSON.stringify({ previous: previous ?? null, session: ctx.session.id ?? null });
        },
      }),
    ],
    { middleware },
  );

/** A JSON-RPC request. */
export const rpc = (id: number | string, method: string, params?: unknown) =>
  params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };

/** A tools/call request. */
export const call = (id: number | string, name: string, args?: unknown) =>
  rpc(id, 'tools/call', args === undefined ? { name } : { name, arguments: args });

/** The JSON-RPC messages of a response: its JSON body, or every SSE event's data. */
export const messagesOf = async (response: Response): Promise<Record<string, unknown>[]> => {
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) return [(await response.json()) as Record<string, unknown>];
  if (!type.startsWith('text/event-stream')) return [];
  const reader = sseReader(response);
  const out: Record<string, unknown>[] = [];
  for (let event = await reader.next(); event; event = await reader.next()) {
    if (event.data !== '') out.push(JSON.parse(event.data) as Record<string, unknown>);
  }
  return out;
};

/** The final response among a request's messages (the one carrying result or error). */
export const finalOf = (messages: readonly Record<string, unknown>[]) =>
  messages.find((m) => 'result' in m || 'error' in m) as
    | { id: unknown; result?: CallToolResult & Record<string, unknown>; error?: { code: number; message: string } }
    | undefined;

/** Asserts an HTTP error status whose JSON body is a JSON-RPC error with `code`. */
export const expectHttpRpcError = async (response: Response, status: number, code: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { jsonrpc: string; id: unknown; error: { code: number; message: string } };
  expect(body.jsonrpc).toBe('2.0');
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body;
};

/** Calls `echo` on a session and asserts it works: the server is still serving. */
export const expectStillServing = async (
  url: string,
  headers: Record<string, string>,
  id: number | string = 'alive',
) => {
  const response = await post(url, call(id, 'echo', { text: 'still here' }), headers);
  expect(response.status).toBe(200);
  const answer = finalOf(await messagesOf(response));
  expect(answer).toMatchObject({ id, result: { content: [{ type: 'text', text: 'still here' }] } });
};

/** The text of a call result's first content item. */
export const textOf = (result: CallToolResult | undefined): string => {
  const first = result?.content[0];
  return first?.type === 'text' ? first.text : '';
};
