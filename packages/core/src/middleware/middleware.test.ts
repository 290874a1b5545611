import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  createServer,
  createTestContext,
  DefinitionError,
  ErrorCode,
  hooks,
  type McpRequest,
  type Middleware,
  ProtocolError,
  resource,
  type SessionControl,
  tool,
} from '../index.js';

const info = { name: 't', version: '1' };
const echo = tool({
  name: 'echo',
  input: v.object({ s: v.string() }),
  run: ({ s }, ctx) => `${s}${ctx.state.get('suffix') ?? ''}`,
});
const call = (server: ReturnType<typeof createServer>, s = 'hi') =>
  server.handle({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { s } } });

describe('middleware', () => {
  test('wraps every request in array order, outermost first', async () => {
    const seen: string[] = [];
    const trace =
      (label: string): Middleware =>
      async (request, _ctx, next) => {
        seen.push(`${label}>${request.method}`);
        const result = await next();
        seen.push(`${label}<`);
        return result;
      };
    const server = createServer(info, [echo], { middleware: [trace('a'), trace('b')] });
    await call(server);
    await server.listTools();
    expect(seen).toEqual(['a>tools/call', 'b>tools/call', 'b<', 'a<', 'a>tools/list', 'b>tools/list', 'b<', 'a<']);
  });

  test('can short-circuit with its own result', async () => {
    const cached: Middleware = (request, _ctx, next) =>
      request.method === 'tools/list' ? { tools: [{ name: 'cached', inputSchema: { type: 'object' } }] } : next();
    const server = createServer(info, [echo], { middleware: [cached] });
    expect((await server.listTools()).map((t) => t.name)).toEqual(['cached']);
  });

  test('can rewrite params and post-process results', async () => {
    const shout: Middleware = async (request, _ctx, next) => {
      if (request.method !== 'tools/call') return next();
      const params = request.params as { name: string; arguments: { s: string } };
      const result = await next({ ...params, arguments: { s: params.arguments.s.toUpperCase() } });
      return { ...result, _meta: { shouted: true } };
    };
    const server = createServer(info, [echo], { middleware: [shout] });
    expect(await call(server, 'hey')).toMatchObject({
      result: { content: [{ type: 'text', text: 'HEY' }], _meta: { shouted: true } },
    });
  });

  test('a thrown ProtocolError becomes a JSON-RPC error, other throws an internal error', async () => {
    const deny: Middleware = () => {
      throw new ProtocolError(ErrorCode.InvalidRequest, 'Rate limit exceeded', { retryAfterMs: 1000 });
    };
    expect(await call(createServer(info, [echo], { middleware: [deny] }))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32600, message: 'Rate limit exceeded', data: { retryAfterMs: 1000 } },
    });
    const broken: Middleware = () => {
      throw new Error('oops');
    };
    expect(await call(createServer(info, [echo], { middleware: [broken] }))).toMatchObject({ error: { code: -32603 } });
  });

  test('per-request state set by middleware reaches the handler; it does not outlive the request', async () => {
    const suffix: Middleware = (request, ctx, next) => {
      if (request.method === 'tools/call') ctx.state.set('suffix', '!');
      return next();
    };
    const server = createServer(info, [echo], { middleware: [suffix] });
    expect(await server.callTool('echo', { s: 'a' })).toMatchObject({ content: [{ text: 'a!' }] });
    const plain = createServer(info, [echo]);
    expect(await plain.callTool('echo', { s: 'a' })).toMatchObject({ content: [{ text: 'a' }] });
  });

  test('per-session state is shared between middleware and handlers of that session only', async () => {
    const counter: Middleware = (_request, ctx, next) => {
      ctx.session.state.set('requests', ((ctx.session.state.get('requests') as number) ?? 0) + 1);
      return next();
    };
    const count = tool({ name: 'count', run: (_a, ctx) => ctx.session.state.get('requests') as number });
    const server = createServer(info, [count], { middleware: [counter] });
    const one = createTestContext();
    await server.listTools(one);
    expect((await server.callTool('count', {}, one)).content).toEqual([{ type: 'text', text: '2' }]);
    expect((await server.callTool('count', {}, createTestContext())).content).toEqual([{ type: 'text', text: '1' }]);
  });

  test('next can hand a different context to the rest of the chain', async () => {
    const who = tool({ name: 'who', run: (_a, ctx) => String(ctx.requestId) });
    const relabel: Middleware = (_request, ctx, next) => next(undefined, { ...ctx, requestId: 'relabelled' });
    const server = createServer(info, [who], { middleware: [relabel] });
    expect((await server.callTool('who')).content).toEqual([{ type: 'text', text: 'relabelled' }]);
  });

  test('the methods a session answers run through the same chain, doing their part through the session', async () => {
    const seen: string[] = [];
    const trace: Middleware = (request, _ctx, next) => {
      seen.push(request.method);
      return next();
    };
    const server = createServer(info, [echo], { middleware: [trace] });
    const done: string[] = [];
    const control: SessionControl = {
      initialize: (hello) => void done.push(`hello ${hello.protocolVersion}`),
      setLogLevel: (level) => void done.push(`level ${level}`),
      subscribe: (uri) => void done.push(`subscribe ${uri}`),
      unsubscribe: (uri) => void done.push(`unsubscribe ${uri}`),
    };
    const request = (id: number, method: string, params: Record<string, unknown>): McpRequest => ({
      id,
      method,
      params,
      meta: undefined,
      era: 'legacy',
      protocolVersion: undefined,
      clientInfo: undefined,
      clientCapabilities: undefined,
      logLevel: undefined,
      auth: undefined,
    });
    const wiring = { '~session': control };
    expect(await server.dispatch(request(1, 'initialize', { protocolVersion: '2025-06-18' }), wiring)).toMatchObject({
      result: { protocolVersion: '2025-06-18', serverInfo: info },
    });
    expect(await server.dispatch(request(2, 'logging/setLevel', { level: 'debug' }), wiring)).toMatchObject({
      result: {},
    });
    expect(await server.dispatch(request(3, 'logging/setLevel', { level: 'loud' }), wiring)).toMatchObject({
      error: { code: ErrorCode.InvalidParams },
    });
    await server.dispatch(request(4, 'resources/subscribe', { uri: 'data://x' }), wiring);
    await server.dispatch(request(5, 'resources/unsubscribe', { uri: 'data://x' }), wiring);
    expect(await server.dispatch(request(6, 'resources/subscribe', { uri: '' }), wiring)).toMatchObject({
      error: { code: ErrorCode.InvalidParams },
    });
    expect(done).toEqual(['hello 2025-06-18', 'level debug', 'subscribe data://x', 'unsubscribe data://x']);
    expect(seen).toEqual([
      'initialize',
      'logging/setLevel',
      'logging/setLevel',
      'resources/subscribe',
      'resources/unsubscribe',
      'resources/subscribe',
    ]);
  });

  test('without a session (a direct call), the session methods do not exist', async () => {
    const server = createServer(info, [echo]);
    for (const method of ['initialize', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe']) {
      expect(await server.handle({ jsonrpc: '2.0', id: 1, method, params: {} })).toEqual({
        jsonrpc: '2.0',
        id: 1,
        error: { code: ErrorCode.MethodNotFound, message: `Method not found: ${method}` },
      });
    }
  });

  test('next() called twice throws instead of running the handler twice', async () => {
    let runs = 0;
    const counted = tool({ name: 'counted', run: () => String(++runs) });
    let second: unknown;
    const twice: Middleware = async (_request, _ctx, next) => {
      const result = await next();
      try {
        await next();
      } catch (error) {
        second = error;
      }
      return result;
    };
    const server = createServer(info, [counted], { middleware: [twice] });
    expect((await server.callTool('counted')).content).toEqual([{ type: 'text', text: '1' }]);
    expect(runs).toBe(1);
    expect(second).toMatchObject({ code: 'NEXT_CALLED_TWICE' });
    expect(String((second as Error).message)).toMatch(/#0 called next\(\) twice while serving tools\/call/);
  });

  test('a middleware whose second next() escapes answers with an error, not a second run', async () => {
    let runs = 0;
    const counted = tool({ name: 'counted', run: () => String(++runs) });
    const twice: Middleware = async (_request, _ctx, next) => {
      await next();
      return next();
    };
    const server = createServer(info, [counted], { middleware: [twice] });
    const response = await server.handle({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'counted' },
    });
    expect(runs).toBe(1);
    expect(response).toMatchObject({ id: 7, error: { code: ErrorCode.InternalError } });
  });
});

describe('hooks()', () => {
  test('each hook sees only its kind of request, with typed params', async () => {
    const calls: string[] = [];
    const server = createServer(info, [echo, resource({ uri: 'data://x', read: () => 'x' })], {
      middleware: [
        hooks({
          callTool: async (params, _ctx, next) => {
            calls.push(`call ${params.name}`);
            return next({ ...params, arguments: { s: 'rewritten' } });
          },
          readResource: async (params, _ctx, next) => {
            calls.push(`read ${params.uri}`);
            const result = await next();
            return { contents: [...result.contents, { uri: params.uri, text: 'appended' }] };
          },
        }),
      ],
    });
    expect((await server.callTool('echo', { s: 'x' })).content).toEqual([{ type: 'text', text: 'rewritten' }]);
    expect((await server.readResource('data://x')).contents).toHaveLength(2);
    await server.listTools();
    expect(calls).toEqual(['call echo', 'read data://x']);
  });

  test('hooks can filter lists, e.g. to hide tools from some users', async () => {
    const secret = tool({ name: 'secret', tags: ['admin'], run: () => 's' });
    const hideAdmin = hooks({
      listTools: async (params, _ctx, next) => {
        const result = await next(params);
        return { ...result, tools: result.tools.filter((t) => t.name !== 'secret') };
      },
    });
    const server = createServer(info, [echo, secret], { middleware: [hideAdmin] });
    expect((await server.listTools()).map((t) => t.name)).toEqual(['echo']);
  });

  test('an unknown hook name fails at construction', () => {
    expect(() => hooks({ callTools: () => ({ content: [] }) } as never)).toThrow(DefinitionError);
  });
});
