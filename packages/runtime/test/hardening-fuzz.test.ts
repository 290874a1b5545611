/**
 * Property-based fuzzing of the Streamable HTTP handler (`toFetchHandler`):
 * arbitrary methods, paths, headers and bodies. The invariant, from
 * docs/http.md: never a 5xx and never a hang; 202/204 have an empty body;
 * every other answer is JSON (a JSON-RPC error for every MCP error status) or,
 * for a 200, an SSE stream of JSON-RPC messages that ends with the answer to
 * the request. The legacy SSE POST endpoint gets the same treatment.
 */
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, toFetchHandler, toSseFetchHandler } from '../src/index.js';
import { call, createHardeningServer, finalOf, messagesOf } from './hardening-helpers.js';
import { initializeMessage, postHeaders, sseReader } from './http-helpers.js';

const BASE = 'http://localhost';
const VALID = '<the open session>';
const handlers: { close: () => void }[] = [];
afterEach(() => {
  for (const handler of handlers.splice(0)) handler.close();
});

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const method = fc.oneof(
  { weight: 12, arbitrary: fc.constant('POST') },
  { weight: 3, arbitrary: fc.constantFrom('GET', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'PATCH', 'OPTIONS', 'HEAD') },
  {
    weight: 1,
    arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/).filter((m) => !['CONNECT', 'TRACE', 'TRACK'].includes(m)),
  },
);
const path = fc.oneof(
  { weight: 8, arbitrary: fc.constant('/mcp') },
  { weight: 2, arbitrary: fc.constantFrom('/health', '/', '/mcp/', '/MCP', '/mcp?x=1', '/%2e%2e/mcp', '/mcp/../mcp') },
  { weight: 1, arbitrary: fc.webPath() },
);
/** Usually absent; else one of `values` or any printable text. */
const header = (values: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: printable(60) },
  );
/** Mostly the well-formed value, so requests get past the gates and reach the session. */
const usually = (value: string, others: readonly string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...others) },
    { weight: 1, arbitrary: printable(60) },
  );
const headers = fc.record({
  'content-type': usually('application/json', ['application/json; charset=utf-8', 'text/plain']),
  accept: usually('application/json, text/event-stream', ['text/event-stream', 'application/json', '*/*']),
  'mcp-session-id': usually(VALID, ['unknown-session', '']),
  'mcp-protocol-version': usually(LATEST_PROTOCOL_VERSION, ['2025-03-26', '1999-01-01']),
  'last-event-id': header(['0', `${VALID}.x_1`]),
  origin: header(['http://localhost:3000', 'https://evil.example']),
});

const TOOLS = ['echo', 'inspect', 'flags', 'inject', 'hang', 'state', 'nope'];
const jsonRpc = fc.record(
  {
    jsonrpc: fc.oneof(
      { weight: 9, arbitrary: fc.constant('2.0') },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
    ),
    id: fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.constant(null)),
    method: fc.constantFrom(
      'initialize',
      'ping',
      'tools/list',
      'tools/call',
      'resources/list',
      'prompts/get',
      'logging/setLevel',
      'notifications/initialized',
      'notifications/cancelled',
      'bogus',
    ),
    params: fc.oneof(
      fc.record(
        { name: fc.constantFrom(...TOOLS), arguments: fc.jsonValue({ maxDepth: 3 }) },
        { requiredKeys: ['name'] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  },
  { requiredKeys: ['jsonrpc', 'method'] },
);
const body = fc.oneof(
  { weight: 6, arbitrary: jsonRpc.map((m) => JSON.stringify(m)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
);
const hostile = fc.record({ method, path, headers, body });

type Hostile = typeof hostile extends fc.Arbitrary<infer T> ? T : never;

/** A handler with one initialized session, reopened whenever a fuzzed DELETE ends it. */
const fuzzTarget = async (options: Parameters<typeof toFetchHandler>[1]) => {
  const handler = toFetchHandler(createHardeningServer(), options);
  handlers.push(handler);
  const openSession = async () => {
    const response = await handler(
      new Request(`${BASE}/mcp`, { method: 'POST', headers: postHeaders(), body: JSON.stringify(initializeMessage()) }),
    );
    await response.body?.cancel();
    return response.headers.get('mcp-session-id') as string;
  };
  let session = await openSession();
  const send = async (input: Hostile): Promise<Response> => {
    const out = new Headers();
    for (const [name, value] of Object.entries(input.headers)) {
      if (value !== undefined) out.set(name, value.replace(VALID, session));
    }
    const withBody = input.method !== 'GET' && input.method !== 'HEAD';
    const request = new Request(`${BASE}${input.path}`, {
      method: input.method,
      headers: out,
      ...(withBody ? { body: input.body } : {}),
    });
    const response = await handler(request);
    if (input.method === 'DELETE' && response.status === 204) session = await openSession();
    return response;
  };
  return send;
};

/** The id of the JSON-RPC request a 200 answers. */
const sentId = (input: Hostile): unknown => (JSON.parse(input.body as string) as { id?: unknown }).id;

/** Checks one answer against the invariant. */
const checkAnswer = async (input: Hostile, response: Response) => {
  const { status } = response;
  const type = response.headers.get('content-type') ?? '';
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  if (status === 202 || status === 204) {
    expect(await response.text()).toBe('');
    return;
  }
  if (status === 200 && type.startsWith('text/event-stream')) {
    // A GET stream stays open by design; a POST stream ends with the answer.
    if (input.method !== 'POST') return void (await response.body?.cancel());
    const messages = await messagesOf(response);
    expect(finalOf(messages)?.id).toEqual(sentId(input));
    return;
  }
  expect(type).toMatch(/^application\/json/);
  const json = (await response.json()) as Record<string, unknown>;
  if (status === 200) return void expect(json.id).toEqual(sentId(input));
  if (status === 404 && !('jsonrpc' in json)) return; // an unknown path
  expect(json).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number), message: expect.any(String) } });
};

describe('hardening: fuzzing the HTTP handler', () => {
  for (const [mode, options] of [
    ['SSE responses', {}],
    ['json responses', { json: true }],
    ['stateless', { stateless: true }],
    ['CORS and DNS-rebinding protection', { cors: true, dnsRebindingProtection: true }],
  ] as const) {
    it(`never answers 5xx or breaks the response invariant (${mode})`, async () => {
      const send = await fuzzTarget(options);
      await fc.assert(
        fc.asyncProperty(hostile, async (input) => checkAnswer(input, await send(input))),
        { numRuns: 300, seed: 6 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('hardening: fuzzing the legacy SSE handler', () => {
  it('never answers 5xx to POSTs on /messages, and the session keeps answering on its stream', async () => {
    const handler = toSseFetchHandler(createHardeningServer());
    handlers.push(handler);
    const stream = sseReader(await handler(new Request(`${BASE}/sse`, { headers: { accept: 'text/event-stream' } })));
    const endpoint = new URL((await stream.next())?.data ?? '', BASE);
    const postTo = (url: URL | string, body: BodyInit, headers: HeadersInit = postHeaders()) =>
      handler(new Request(url, { method: 'POST', headers, body }));
    await postTo(endpoint, JSON.stringify(initializeMessage(0)));
    expect(JSON.parse((await stream.next())?.data ?? '')).toMatchObject({ id: 0, result: {} });
    const target = fc.record({
      query: fc.constantFrom('', '?sessionId=', '?sessionId=nope', endpoint.search, `${endpoint.search}&x=1`),
      headers,
      body,
    });
    await fc.assert(
      fc.asyncProperty(target, async ({ query, headers: h, body: b }) => {
        const out = new Headers();
        for (const [name, value] of Object.entries(h))
          if (value !== undefined && !value.includes(VALID)) out.set(name, value);
        const response = await postTo(`${BASE}/messages${query}`, b, out);
        expect(response.status).toBeLessThan(500);
        if (response.status === 202) expect(await response.text()).toBe('');
        else expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number) } });
      }),
      { numRuns: 300, seed: 7 },
    );
    // Still serving: a call gets its answer on the stream (after whatever the fuzzing left there).
    expect((await postTo(endpoint, JSON.stringify(call('last', 'echo', { text: 'still here' })))).status).toBe(202);
    let last: { id?: unknown; result?: unknown } | undefined;
    for (let event = await stream.next(); event && !last; event = await stream.next()) {
      const message = JSON.parse(event.data) as { id?: unknown; result?: unknown };
      if (message.id === 'last') last = message;
    }
    expect(last?.result).toMatchObject({ content: [{ text: 'still here' }] });
    await stream.cancel();
  });
});

describe('hardening: fuzzing a session directly', () => {
  const SESSION_METHODS = [
    'initialize',
    'ping',
    'logging/setLevel',
    'resources/subscribe',
    'resources/unsubscribe',
    'notifications/initialized',
    'notifications/cancelled',
    'notifications/roots/list_changed',
    'tools/call',
    'tools/list',
  ];
  const sessionMessage = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        jsonrpc: fc.constant('2.0'),
        id: fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.jsonValue({ maxDepth: 1 })),
        method: fc.oneof(fc.constantFrom(...SESSION_METHODS), fc.string({ maxLength: 12 })),
        params: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({
            name: fc.constantFrom('echo', 'inspect', 'flags', 'inject', 'state'),
            arguments: fc.jsonValue({ maxDepth: 2 }),
          }),
          fc.record({
            level: fc.constantFrom('debug', 'error', 'loud', '__proto__'),
            uri: fc.string({ maxLength: 8 }),
          }),
          fc.record({ protocolVersion: fc.string({ maxLength: 10 }), capabilities: fc.jsonValue({ maxDepth: 2 }) }),
        ),
        result: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['jsonrpc'] },
    ),
  );
  const validId = (id: unknown) => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

  it('always answers a request with its id, never throws, and stays usable', async () => {
    const session = createSession(createHardeningServer(), { id: 'fuzzed' });
    handlers.push(session);
    const sent: unknown[] = [];
    session.setChannel((message) => sent.push(message));
    await fc.assert(
      fc.asyncProperty(fc.boolean(), sessionMessage, async (initializeFirst, message) => {
        if (initializeFirst && !session.initialized) await session.receive(initializeMessage(0) as never);
        const m = message as Record<string, unknown>;
        const response = (await session.receive(message as never, (out) => sent.push(out))) as
          | Record<string, unknown>
          | undefined;
        const isObject = typeof m === 'object' && m !== null && !Array.isArray(m);
        const isRequest = isObject && typeof m.method === 'string' && 'id' in m && m.id !== undefined;
        if (isRequest && validId(m.id)) {
          expect(response?.id).toEqual(m.id);
        }
        if (response) {
          expect(response.jsonrpc).toBe('2.0');
          expect('result' in response !== 'error' in response).toBe(true);
          expect(() => JSON.stringify(response)).not.toThrow();
        }
      }),
      { numRuns: 500, seed: 11 },
    );
    const pong = await session.receive({ jsonrpc: '2.0', id: 'last', method: 'ping' } as never);
    expect(pong).toEqual({ jsonrpc: '2.0', id: 'last', result: {} });
    for (const message of sent) expect(() => JSON.stringify(message)).not.toThrow();
  });
});
