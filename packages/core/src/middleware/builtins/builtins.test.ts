import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  createServer,
  createTestContext,
  errorHandling,
  McpkitError,
  ProtocolError,
  type RequestLogEntry,
  rateLimit,
  requestLogging,
  TIMING_META_KEY,
  timeout,
  timing,
  tool,
} from '../../index.js';

const info = { name: 't', version: '1' };
const echo = tool({ name: 'echo', input: v.object({ s: v.string() }), run: ({ s }) => s });
const request = (method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0' as const,
  id: 1,
  method,
  params,
});

describe('requestLogging()', () => {
  test('writes one entry per request with method, target, duration and outcome', async () => {
    const entries: RequestLogEntry[] = [];
    const failing = tool({
      name: 'fail',
      run: () => {
        throw new ProtocolError(-32602, 'bad');
      },
    });
    const server = createServer(info, [echo, failing], {
      middleware: [requestLogging({ write: (e) => entries.push(e), skip: ['ping'] })],
    });
    await server.handle(
      request('tools/call', { name: 'echo', arguments: { s: 'x' } }),
      createTestContext({ sessionId: 's1' }),
    );
    await server.handle(request('tools/call', { name: 'fail' }));
    await server.handle(request('ping'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      method: 'tools/call',
      target: 'echo',
      requestId: 1,
      sessionId: 's1',
      outcome: 'ok',
    });
    expect(entries[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries[1]).toMatchObject({ target: 'fail', outcome: 'error', error: 'bad' });
  });
});

describe('timing()', () => {
  test('adds the server time to _meta and reports it', async () => {
    const reported: string[] = [];
    const server = createServer(info, [echo], { middleware: [timing({ report: (method) => reported.push(method) })] });
    const response = (await server.handle(request('tools/list'))) as unknown as {
      result: { _meta: Record<string, unknown> };
    };
    expect(typeof response.result._meta[TIMING_META_KEY]).toBe('number');
    expect(reported).toEqual(['tools/list']);
  });
});

describe('rateLimit()', () => {
  test('a token bucket per session: a burst, then an error with retryAfterMs, then refills', async () => {
    let now = 0;
    const server = createServer(info, [echo], {
      middleware: [rateLimit({ capacity: 2, refillPerSecond: 1, now: () => now })],
    });
    const a = createTestContext({ sessionId: 'a' });
    const b = createTestContext({ sessionId: 'b' });
    expect(await server.handle(request('tools/list'), a)).toHaveProperty('result');
    expect(await server.handle(request('tools/list'), a)).toHaveProperty('result');
    expect(await server.handle(request('tools/list'), a)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32000, message: 'Rate limit exceeded: retry after 1000 ms', data: { retryAfterMs: 1000 } },
    });
    // another session has its own bucket; ping is exempt
    expect(await server.handle(request('tools/list'), b)).toHaveProperty('result');
    expect(await server.handle(request('ping'), a)).toHaveProperty('result');
    now = 1000;
    expect(await server.handle(request('tools/list'), a)).toHaveProperty('result');
  });

  test('keys by whatever identifies the caller, and rejects bad settings', async () => {
    let now = 0;
    const perUser = rateLimit({
      capacity: 1,
      refillPerSecond: 1,
      key: (ctx) => String(ctx.meta?.user),
      now: () => now,
    });
    const server = createServer(info, [echo], { middleware: [perUser] });
    const as = (user: string) => server.handle({ ...request('tools/list'), params: { _meta: { user } } });
    expect(await as('ann')).toHaveProperty('result');
    expect(await as('ann')).toHaveProperty('error');
    expect(await as('bob')).toHaveProperty('result');
    now = 5000;
    expect(await as('ann')).toHaveProperty('result');
    expect(() => rateLimit({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity/);
  });
});

describe('errorHandling()', () => {
  const crash = (error: unknown) =>
    tool({
      name: 'crash',
      run: () => {
        throw error;
      },
    });

  test('maps errors thrown in the chain to codes of your choosing', async () => {
    class NotFound extends Error {}
    const server = createServer(info, [echo], {
      middleware: [
        errorHandling({
          map: (error) => (error instanceof NotFound ? new ProtocolError(-32002, error.message) : undefined),
        }),
        () => {
          throw new NotFound('no such order');
        },
      ],
    });
    expect(await server.handle(request('tools/list'))).toMatchObject({
      error: { code: -32002, message: 'no such order' },
    });
  });

  test('tool handler errors stay tool results (the model sees them), untouched by errorHandling', async () => {
    const server = createServer(info, [crash(new Error('boom'))], { middleware: [errorHandling({ mask: true })] });
    expect(await server.callTool('crash')).toEqual({ content: [{ type: 'text', text: 'boom' }], isError: true });
  });

  test('masks unexpected messages but keeps mcpkit errors and reports every error', async () => {
    const seen: unknown[] = [];
    const make = (error: unknown) =>
      createServer(info, [echo], {
        middleware: [
          errorHandling({ mask: true, onError: (e) => seen.push(e) }),
          () => {
            throw error;
          },
        ],
      });
    expect(await make(new Error('secret')).handle(request('tools/list'))).toMatchObject({
      error: { code: -32603, message: 'Internal error while handling tools/list' },
    });
    expect(await make(new McpkitError('X', 'visible')).handle(request('tools/list'))).toMatchObject({
      error: { code: -32603, message: 'visible' },
    });
    expect(seen).toHaveLength(2);
  });
});

describe('timeout()', () => {
  test('fails slow requests with -32001 and aborts their signal', async () => {
    let aborted = false;
    const slow = tool({
      name: 'slow',
      run: (_a, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            resolve('late');
          });
        }),
    });
    const server = createServer(info, [slow, echo], {
      middleware: [timeout({ ms: 1000, methods: { 'tools/call': 20 } })],
    });
    expect(await server.handle(request('tools/call', { name: 'slow' }))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32001, message: 'tools/call timed out after 20 ms', data: { timeoutMs: 20 } },
    });
    expect(aborted).toBe(true);
    expect(await server.handle(request('tools/call', { name: 'echo', arguments: { s: 'fast' } }))).toHaveProperty(
      'result',
    );
    expect(() => timeout({ ms: 0 })).toThrow(/positive/);
  });
});
