import { createServer, hooks, ProtocolError, tool } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, createSessionHub } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { connectInMemory, type InMemoryConnection } from './fixtures/in-memory.js';

const init = (protocolVersion: unknown, id: number | string = 1) => ({
  jsonrpc: '2.0' as const,
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

describe('createSession: initialize', () => {
  it('answers initialize with capabilities, serverInfo and instructions', async () => {
    const server = createDemoServer();
    const session = createSession(server, { id: 's1' });
    expect(session.initialized).toBe(false);
    const response = await session.receive(init('2025-06-18'));
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        protocolVersion: '2025-06-18',
        capabilities: server.capabilities,
        serverInfo: server.info,
        instructions: 'A demo server for tests.',
      },
    });
    expect(session.initialized).toBe(true);
    expect(session.protocolVersion).toBe('2025-06-18');
    expect(session.id).toBe('s1');
  });

  it.each(['2025-11-25', '2025-03-26', '2024-11-05'])('echoes the supported revision %s', async (version) => {
    const session = createSession(createDemoServer());
    const response = await session.receive(init(version));
    expect(response).toMatchObject({ result: { protocolVersion: version } });
  });

  it.each(['1999-01-01', undefined, 42])(
    'answers the latest revision for an unsupported request (%s)',
    async (version) => {
      const session = createSession(createDemoServer());
      const response = await session.receive(init(version));
      expect(response).toMatchObject({ result: { protocolVersion: LATEST_PROTOCOL_VERSION } });
    },
  );

  it('omits instructions when the server has none', async () => {
    const server = createServer({ name: 'bare', version: '0' }, [tool({ name: 't', run: () => 'x' })]);
    const response = (await createSession(server).receive(init('2025-06-18'))) as { result: object };
    expect(response.result).not.toHaveProperty('instructions');
  });

  it('refuses a second initialize', async () => {
    const session = createSession(createDemoServer());
    await session.receive(init('2025-06-18'));
    const again = await session.receive(init('2025-06-18', 2));
    expect(again).toMatchObject({
      id: 2,
      error: { code: -32600, message: expect.stringMatching(/already initialized/) },
    });
  });

  it('answers ping before initialize but refuses other requests', async () => {
    const session = createSession(createDemoServer());
    expect(await session.receive({ jsonrpc: '2.0', id: 'p', method: 'ping' })).toEqual({
      jsonrpc: '2.0',
      id: 'p',
      result: {},
    });
    const early = await session.receive({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(early).toMatchObject({
      id: 2,
      error: { code: -32600, message: expect.stringMatching(/before initialization/) },
    });
  });

  it('rejects malformed messages with InvalidRequest', async () => {
    const session = createSession(createDemoServer());
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input
    const bad = (message: unknown) => session.receive(message as any);
    expect(await bad({ jsonrpc: '2.0', id: { x: 1 }, method: 'ping' })).toMatchObject({
      id: null,
      error: { code: -32600 },
    });
    expect(await bad({ jsonrpc: '2.0', id: 5 })).toMatchObject({ id: 5, error: { code: -32600 } });
    expect(await bad(null)).toMatchObject({ id: null, error: { code: -32600 } });
  });

  it('delegates other requests to the server and returns unknown methods as -32601', async () => {
    const session = createSession(createDemoServer());
    await session.receive(init('2025-06-18'));
    const call = await session.receive({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 2, b: 3 } },
    });
    expect(call).toMatchObject({ id: 3, result: { structuredContent: { sum: 5 } } });
    expect(await session.receive({ jsonrpc: '2.0', id: 4, method: 'nope/nothing' })).toMatchObject({
      error: { code: -32601 },
    });
  });

  it('refuses a request whose id is still in use by a running one', async () => {
    const session = createSession(createDemoServer());
    await session.receive(init('2025-06-18'));
    const slow = session.receive({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'slow' } });
    const clash = await session.receive({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo' } });
    expect(clash).toMatchObject({ id: 7, error: { code: -32600, message: expect.stringMatching(/already in use/) } });
    // The same number as a string is a different id.
    expect(await session.receive({ jsonrpc: '2.0', id: '7', method: 'ping' })).toMatchObject({ result: {} });
    session.close();
    expect(await slow).toBeUndefined();
  });

  it('answers requests on a closed session with an error and calls onClose once', async () => {
    let closes = 0;
    const session = createSession(createDemoServer(), { onClose: () => closes++ });
    session.close();
    session.close();
    expect(closes).toBe(1);
    expect(await session.receive({ jsonrpc: '2.0', id: 1, method: 'ping' })).toMatchObject({
      error: { code: -32600, message: expect.stringMatching(/closed/) },
    });
  });

  it('refuses a hub of another server', () => {
    const hub = createSessionHub(createDemoServer());
    expect(() => createSession(createDemoServer(), { hub })).toThrow(/different server/);
  });
});

describe('createSession with the SDK client', () => {
  let connection: InMemoryConnection | undefined;
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
  });

  it('lists and calls tools, reads resources and gets prompts', async () => {
    connection = await connectInMemory(createDemoServer());
    const { client } = connection;
    expect(client.getServerVersion()).toEqual({ name: 'demo', version: '1.0.0' });
    expect(client.getInstructions()).toBe('A demo server for tests.');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('echo');
    expect(await client.callTool({ name: 'echo', arguments: { text: 'hi' } })).toMatchObject({
      content: [{ type: 'text', text: 'hi' }],
    });
    const read = await client.readResource({ uri: 'demo://greeting/Ada' });
    expect(read.contents[0]).toMatchObject({ text: 'Hello, Ada!' });
    const got = await client.getPrompt({ name: 'greet', arguments: { name: 'Bob' } });
    expect(got.messages[0]?.content).toMatchObject({ text: 'Please greet Bob.' });
    await expect(client.ping()).resolves.toEqual({});
  });

  it('keeps session state per session', async () => {
    const server = createServer({ name: 's', version: '1' }, [
      tool({
        name: 'count',
        run: (_args, ctx) => {
          const n = ((ctx.session.state.get('n') as number | undefined) ?? 0) + 1;
          ctx.session.state.set('n', n);
          return n;
        },
      }),
      tool({ name: 'id', input: v.object({}), run: (_a, ctx) => ctx.session.id ?? 'none' }),
    ]);
    const hub = createSessionHub(server);
    const a = await connectInMemory(server, { hub });
    const b = await connectInMemory(server, { hub });
    try {
      await a.client.callTool({ name: 'count' });
      const second = await a.client.callTool({ name: 'count' });
      const other = await b.client.callTool({ name: 'count' });
      expect(second.content).toEqual([{ type: 'text', text: '2' }]);
      expect(other.content).toEqual([{ type: 'text', text: '1' }]);
      expect(hub.sessions.size).toBe(2);
      const id = await a.client.callTool({ name: 'id' });
      expect(id.content).toEqual([{ type: 'text', text: a.session.id }]);
    } finally {
      await a.close();
      await b.close();
    }
    expect(hub.sessions.size).toBe(0);
  });
});

describe('server middleware around session-level requests', () => {
  it('runs initialize, logging/setLevel and subscriptions through the middleware and hooks', async () => {
    const seen: string[] = [];
    const server = createServer({ name: 'mw', version: '1' }, [tool({ name: 't', run: () => 'x' })], {
      middleware: [
        async (request, _ctx, next) => {
          seen.push(request.method);
          return next();
        },
        hooks({
          initialize: async (params, _ctx, next) => ({
            ...(await next({ ...params, protocolVersion: '2025-03-26' })),
            instructions: `hello ${params.clientInfo.name}`,
          }),
        }),
      ],
    });
    const session = createSession(server);
    const response = await session.receive(init('2025-06-18'));
    expect(response).toMatchObject({ result: { protocolVersion: '2025-03-26', instructions: 'hello raw' } });
    expect(session.protocolVersion).toBe('2025-03-26');
    await session.receive({ jsonrpc: '2.0', id: 2, method: 'logging/setLevel', params: { level: 'error' } });
    await session.receive({ jsonrpc: '2.0', id: 3, method: 'resources/subscribe', params: { uri: 'x://y' } });
    await session.receive({ jsonrpc: '2.0', id: 4, method: 'ping' });
    expect(seen).toEqual(['initialize', 'logging/setLevel', 'resources/subscribe']);
  });

  it('answers with the JSON-RPC error a middleware throws, and leaves the session uninitialized', async () => {
    const server = createServer({ name: 'mw', version: '1' }, [tool({ name: 't', run: () => 'x' })], {
      middleware: [
        (request, _ctx, next) => {
          if (request.method === 'initialize' && request.params.clientInfo === undefined)
            throw new ProtocolError(-32602, 'clientInfo is required here');
          if (request.method === 'resources/subscribe') throw new Error('subscriptions are off');
          return next();
        },
      ],
    });
    const session = createSession(server);
    const refused = await session.receive({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    expect(refused).toMatchObject({ id: 1, error: { code: -32602, message: 'clientInfo is required here' } });
    expect(session.initialized).toBe(false);
    expect(await session.receive(init('2025-06-18', 2))).toHaveProperty('result');
    const subscribe = await session.receive({
      jsonrpc: '2.0',
      id: 3,
      method: 'resources/subscribe',
      params: { uri: 'x://y' },
    });
    expect(subscribe).toMatchObject({ id: 3, error: { code: -32603, message: 'subscriptions are off' } });
  });
});
