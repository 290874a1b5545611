/**
 * MCP 2026-07-28 over Streamable HTTP, beside 2025-11-25 on the same endpoint:
 * the gate's cells with raw HTTP, and the SDK v2 client in every negotiation mode.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const MODERN = '2026-07-28';
const meta = (extra: Record<string, unknown> = {}) => ({
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': {},
  ...extra,
});

interface Post {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: () => Record<string, unknown>;
  /** The JSON-RPC messages of an SSE body, in order. */
  readonly events: () => Record<string, unknown>[];
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Post> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text),
    events: () =>
      text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6))),
  };
};

/** A well-formed modern request: envelope plus the mirrored headers. */
const modern = (url: string, id: number, method: string, params: Record<string, unknown> = {}, headers = {}) => {
  const name = (params.name ?? params.uri) as string | undefined;
  return post(
    url,
    { jsonrpc: '2.0', id, method, params: { ...params, _meta: { ...meta(), ...(params._meta as object) } } },
    {
      'mcp-protocol-version': MODERN,
      'mcp-method': method,
      ...(name !== undefined && { 'mcp-name': name }),
      ...headers,
    },
  );
};

describe('a 2026-07-28 request on a stateful endpoint', () => {
  it('is served without initialize or a session, with the modern result shape', async () => {
    const { url } = await startHttp(cleanup);
    const answer = await modern(url, 1, 'tools/call', { name: 'echo', arguments: { text: 'hi' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('mcp-session-id')).toBeNull();
    expect(answer.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        content: [{ type: 'text', text: 'hi' }],
        resultType: 'complete',
        _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'demo', version: '1.0.0' } },
      },
    });
    const discover = await modern(url, 2, 'server/discover');
    expect(discover.json()).toMatchObject({
      result: { supportedVersions: [MODERN, '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05', '2024-10-07'] },
    });
  });

  it.each([
    ['no MCP-Protocol-Version header', { 'mcp-protocol-version': '' }, -32020],
    ['a header revision that differs from the body', { 'mcp-protocol-version': '2025-11-25' }, -32020],
    ['no Mcp-Method header', { 'mcp-method': '' }, -32020],
    ['an Mcp-Method that differs from the body', { 'mcp-method': 'tools/list' }, -32020],
    ['no Mcp-Name header on a call', { 'mcp-name': '' }, -32020],
    ['an Mcp-Name that differs from the body', { 'mcp-name': 'add' }, -32020],
    ['an Mcp-Name that is not valid Base64', { 'mcp-name': '=?base64?***?=' }, -32020],
  ])('%s is 400 with the code of the failed rule and the request id', async (_what, headers, code) => {
    const { url } = await startHttp(cleanup);
    const cleared = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
    const dropped = Object.keys(headers).filter((k) => (headers as Record<string, string>)[k] === '');
    const body = {
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'x' }, _meta: meta() },
    };
    const base: Record<string, string> = {
      'mcp-protocol-version': MODERN,
      'mcp-method': 'tools/call',
      'mcp-name': 'echo',
    };
    for (const key of dropped) delete base[key];
    const answer = await post(url, body, { ...base, ...cleared });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ id: 7, error: { code } });
  });

  it('a Base64-encoded Mcp-Name that decodes to the body value is accepted', async () => {
    const { url } = await startHttp(cleanup);
    const answer = await modern(
      url,
      1,
      'tools/call',
      { name: 'echo', arguments: { text: 'ok' } },
      {
        'mcp-name': `=?base64?${btoa('echo')}?=`,
      },
    );
    expect(answer.status).toBe(200);
  });

  it('a malformed envelope is 400/-32602 naming the key; an unsupported revision 400/-32022 listing what is', async () => {
    const { url } = await startHttp(cleanup);
    const headers = { 'mcp-protocol-version': MODERN, 'mcp-method': 'tools/list' };
    const noMeta = await post(url, { jsonrpc: '2.0', id: 3, method: 'tools/list', params: {} }, headers);
    expect(noMeta.status).toBe(400);
    expect(noMeta.json()).toMatchObject({
      id: 3,
      error: { code: -32602, data: { key: 'io.modelcontextprotocol/protocolVersion' } },
    });
    const noCapabilities = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/list',
        params: { _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN } },
      },
      headers,
    );
    expect(noCapabilities.status).toBe(400);
    expect(noCapabilities.json()).toMatchObject({
      id: 4,
      error: { code: -32602, data: { key: 'io.modelcontextprotocol/clientCapabilities' } },
    });
    const future = await post(
      url,
      {
        jsonrpc: '2.0',
        id: 5,
        method: 'tools/list',
        params: { _meta: meta({ 'io.modelcontextprotocol/protocolVersion': '2099-01-01' }) },
      },
      { ...headers, 'mcp-protocol-version': '2099-01-01' },
    );
    expect(future.status).toBe(400);
    expect(future.json()).toMatchObject({
      id: 5,
      error: {
        code: -32022,
        data: { requested: '2099-01-01', supported: expect.arrayContaining([MODERN, '2025-11-25']) },
      },
    });
  });

  it('initialize, ping and the other removed methods are 404/-32601, and initialize opens no session', async () => {
    const { url } = await startHttp(cleanup);
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'nope/nothing']) {
      const answer = await modern(url, 9, method, { uri: 'demo://counter', level: 'info', protocolVersion: MODERN });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('mcp-session-id')).toBeNull();
      expect(answer.json()).toMatchObject({ id: 9, error: { code: -32601 } });
    }
  });

  it('sends log messages only when the request asks for a level, on its own stream, with its progress', async () => {
    const { url } = await startHttp(cleanup);
    const quiet = await modern(url, 1, 'tools/call', { name: 'log_and_progress', arguments: { steps: 2 } });
    expect(quiet.headers.get('content-type')).toContain('application/json');
    expect(quiet.json()).toMatchObject({ id: 1, result: { content: [{ text: 'done 2 steps' }] } });
    const loud = await modern(url, 2, 'tools/call', {
      name: 'log_and_progress',
      arguments: { steps: 2 },
      _meta: { 'io.modelcontextprotocol/logLevel': 'info', progressToken: 'p' },
    });
    expect(loud.headers.get('content-type')).toContain('text/event-stream');
    const events = loud.events();
    expect(events.map((e) => (e.method as string | undefined) ?? `result ${e.id}`)).toEqual([
      'notifications/message',
      'notifications/progress',
      'notifications/progress',
      'notifications/message',
      'result 2',
    ]);
    // info and above: the debug entry is dropped.
    expect(
      events.filter((e) => e.method === 'notifications/message').map((e) => (e.params as { level: string }).level),
    ).toEqual(['info', 'error']);
  });

  it('a handler needing a client capability the request did not declare gets 400/-32021 naming it', async () => {
    const { url } = await startHttp(cleanup);
    const answer = await modern(url, 1, 'tools/call', { name: 'ask_user', arguments: {} });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({
      id: 1,
      error: { code: -32021, data: { requiredCapabilities: { elicitation: {} } } },
    });
  });

  it('leaves the 2025 path as it was on the same endpoint', async () => {
    const { url } = await startHttp(cleanup);
    const init = await post(url, {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'old', version: '1' } },
    });
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeTruthy();
    const [answer] = init.events();
    expect(answer).toMatchObject({ id: 1, result: { protocolVersion: '2025-11-25', serverInfo: { name: 'demo' } } });
    expect(init.text).not.toContain('resultType');
  });
});

describe('the SDK v2 client in each negotiation mode', () => {
  const modes = [
    ['legacy', 'legacy', '2025-11-25'],
    ['auto', 'auto', MODERN],
    ['pin', { pin: MODERN }, MODERN],
  ] as const;

  for (const stateless of [false, true]) {
    it.each(modes)(
      `%s negotiates the expected revision over ${stateless ? 'stateless' : 'stateful'} HTTP, with the same tools and answers`,
      async (_label, mode, expected) => {
        const { url } = await startHttp(cleanup, { stateless });
        const client = new Client({ name: 'v2', version: '1.0.0' }, { versionNegotiation: { mode } });
        cleanup.add(() => client.close());
        await client.connect(new StreamableHTTPClientTransport(new URL(url)));
        expect(client.getNegotiatedProtocolVersion()).toBe(expected);
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toContain('echo');
        const called = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
        expect(called.structuredContent).toEqual({ sum: 5 });
        const read = await client.readResource({ uri: 'demo://counter' });
        expect(read.contents).toEqual([{ uri: 'demo://counter', mimeType: 'text/plain', text: '0' }]);
      },
    );
  }
});
