/** The real Context through a session: client requests, visibility, errors. In-memory SDK client. */
import { createServer, createTestContext, McpkitError, tool } from '@mcpkit/core';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  PromptListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, createSessionHub, hubOf, lifespanOf, type RootsChangedEvent } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { connectInMemory, type InMemoryConnection } from './fixtures/in-memory.js';

const textOf = (result: unknown) =>
  (((result as { content?: unknown }).content as { text?: string }[] | undefined)?.[0]?.text ?? '') as string;

let open: InMemoryConnection[] = [];
const connect = async (...args: Parameters<typeof connectInMemory>) => {
  const connection = await connectInMemory(...args);
  open.push(connection);
  return connection;
};
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

describe('client features through a session', () => {
  it('treats an empty elicitation capability as form-only', async () => {
    const { client } = await connect(createDemoServer(), { client: { capabilities: { elicitation: {} } } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'cancel' }));
    expect(JSON.parse(textOf(await client.callTool({ name: 'ask_user' })))).toEqual({ action: 'cancel' });
    const url = await client.callTool({ name: 'ask_user_url' });
    expect(url.isError).toBe(true);
    expect(textOf(url)).toMatch(/url mode.*'elicitation\.url'/);
  });

  it('reports accepted form content that fails the schema as a tool error', async () => {
    const session = createSession(createDemoServer());
    await session.receive({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: { elicitation: {} } },
    });
    const outgoing: { id?: number; method?: string }[] = [];
    const pending = session.receive(
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'ask_user' } },
      (m) => outgoing.push(m as (typeof outgoing)[number]),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(outgoing).toMatchObject([{ method: 'elicitation/create' }]);
    const request = outgoing[0] as { id: number };
    await session.receive({ jsonrpc: '2.0', id: request.id, result: { action: 'accept', content: { name: 7 } } });
    const response = (await pending) as unknown as { result: { isError?: boolean; content: { text: string }[] } };
    expect(response.result.isError).toBe(true);
    expect(response.result.content[0]?.text).toMatch(/elicitation answer is invalid/);
  });

  it('requires sampling.tools before sampling with tools', async () => {
    const server = createServer({ name: 's', version: '1' }, [
      tool({
        name: 'agent',
        run: (_a, ctx) => ctx.sample({ messages: 'x', tools: [{ name: 'search', inputSchema: { type: 'object' } }] }),
      }),
    ]);
    const { client } = await connect(server, { client: { capabilities: { sampling: {} } } });
    const result = await client.callTool({ name: 'agent' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/'sampling\.tools' capability/);
  });

  it('turns a client error answer into a clear tool error', async () => {
    const { client } = await connect(createDemoServer(), { client: { capabilities: { sampling: {} } } });
    client.setRequestHandler(CreateMessageRequestSchema, async () => {
      throw new Error('model unavailable');
    });
    const result = await client.callTool({ name: 'ask_model', arguments: { question: 'q' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/client answered sampling\/createMessage with an error: .*model unavailable/);
  });

  it('cancels its own pending client request when the client cancels the tool call', async () => {
    const { client } = await connect(createDemoServer(), { client: { capabilities: { sampling: {} } } });
    let samplingSignal: AbortSignal | undefined;
    let started!: () => void;
    const samplingStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    client.setRequestHandler(CreateMessageRequestSchema, (_request, extra) => {
      samplingSignal = extra.signal;
      started();
      return new Promise(() => {}); // never answers
    });
    const controller = new AbortController();
    const call = client.callTool({ name: 'ask_model', arguments: { question: 'q' } }, undefined, {
      signal: controller.signal,
    });
    await samplingStarted;
    controller.abort();
    await expect(call).rejects.toThrow();
    // The server told the client to stop the sampling request it had sent.
    await client.ping();
    expect(samplingSignal?.aborted).toBe(true);
  });

  it('abandons a client request left pending when the tool times out', async () => {
    const server = createServer({ name: 's', version: '1' }, [
      tool({ name: 'impatient', timeoutMs: 30, run: (_a, ctx) => ctx.sample('hello?') }),
    ]);
    const { client } = await connect(server, { client: { capabilities: { sampling: {} } } });
    let samplingSignal: AbortSignal | undefined;
    client.setRequestHandler(CreateMessageRequestSchema, (_request, extra) => {
      samplingSignal = extra.signal;
      return new Promise(() => {});
    });
    const result = await client.callTool({ name: 'impatient' });
    expect(textOf(result)).toMatch(/timed out after 30 ms/);
    expect(samplingSignal?.aborted).toBe(true);
  });

  it('rejects pending client requests and aborts handlers when the session closes', async () => {
    let signal: AbortSignal | undefined;
    let failed!: (error: unknown) => void;
    const failure = new Promise<unknown>((resolve) => {
      failed = resolve;
    });
    const server = createServer({ name: 's', version: '1' }, [
      tool({
        name: 'wait_for_model',
        run: async (_args, ctx) => {
          signal = ctx.signal;
          return ctx.sample('hello').catch((error) => {
            failed(error);
            throw error;
          });
        },
      }),
    ]);
    const { client, session } = await connect(server, { client: { capabilities: { sampling: {} } } });
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    client.setRequestHandler(CreateMessageRequestSchema, () => {
      asked();
      return new Promise(() => {});
    });
    void client.callTool({ name: 'wait_for_model' }).catch(() => {});
    await wasAsked;
    session.close();
    expect(signal?.aborted).toBe(true);
    expect(String(await failure)).toMatch(/session was closed/);
  });

  it('lists roots and tells the app when they change', async () => {
    const events: RootsChangedEvent[] = [];
    const rootsSeen: unknown[] = [];
    let changed!: () => void;
    const gotRoots = new Promise<void>((resolve) => {
      changed = resolve;
    });
    const server = createDemoServer();
    const hub = createSessionHub(server, {
      onRootsChanged: (event) => {
        events.push(event);
        void event.roots().then((roots) => {
          rootsSeen.push(roots);
          changed();
        });
      },
    });
    const { client } = await connect(server, { hub, client: { capabilities: { roots: { listChanged: true } } } });
    let roots = [{ uri: 'file:///a' }];
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots }));
    expect(JSON.parse(textOf(await client.callTool({ name: 'list_roots' })))).toEqual([{ uri: 'file:///a' }]);
    roots = [{ uri: 'file:///b' }];
    await client.sendRootsListChanged();
    await gotRoots;
    expect(events).toHaveLength(1);
    expect(events[0]?.session.clientInfo?.name).toBe('test-client');
    expect(rootsSeen).toEqual([[{ uri: 'file:///b' }]]);
  });
});

describe('stateless sessions', () => {
  it('fail client requests at once and refuse subscriptions', async () => {
    const server = createServer({ name: 's', version: '1' }, [
      tool({ name: 'sample', run: (_a, ctx) => ctx.sample('x') }),
      tool({ name: 'roots', run: (_a, ctx) => ctx.roots() }),
    ]);
    const session = createSession(server, { stateless: true });
    const sent: unknown[] = [];
    session.setChannel((m) => sent.push(m));
    await session.receive({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: { sampling: {}, roots: {} } },
    });
    for (const name of ['sample', 'roots']) {
      const response = await session.receive({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name } }, (m) =>
        sent.push(m),
      );
      expect(response).toMatchObject({
        result: { isError: true, content: [{ text: expect.stringMatching(/stateless/) }] },
      });
    }
    expect(sent).toEqual([]);
    const subscribe = await session.receive({
      jsonrpc: '2.0',
      id: 3,
      method: 'resources/subscribe',
      params: { uri: 'demo://x' },
    });
    expect(subscribe).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/stateless/) } });
  });
});

describe('visibility', () => {
  it('applies enable/disable rules in order, and notifies only the affected lists', async () => {
    const server = createDemoServer();
    const hub = createSessionHub(server);
    const { client } = await connect(server, { hub });
    const other = await connect(server, { hub });
    const notices: string[] = [];
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void notices.push('tools'));
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => void notices.push('prompts'));
    await client.callTool({ name: 'toggle_admin', arguments: { enabled: false } });
    expect(notices).toEqual(['tools']);
    const names = async (c = client) => (await c.listTools()).tools.map((t) => t.name);
    expect(await names()).not.toContain('admin_reset');
    // Other sessions are unaffected.
    expect(await names(other.client)).toContain('admin_reset');
    const res = await client.callTool({ name: 'admin_reset' }).catch((e: Error) => e);
    expect(String((res as Error).message)).toMatch(/Unknown tool/);
  });

  it('lets the last matching rule win, by name or tag', async () => {
    const server = createServer({ name: 's', version: '1' }, [
      tool({ name: 'a', tags: ['x'], run: () => 'a' }),
      tool({ name: 'b', tags: ['x'], run: () => 'b' }),
      tool({
        name: 'rules',
        run: (_args, ctx) => {
          ctx.session.disable({ tags: ['x'] });
          ctx.session.enable({ names: ['b'] });
          return 'ok';
        },
      }),
    ]);
    const { client } = await connect(server);
    await client.callTool({ name: 'rules' });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['b', 'rules']);
  });
});

describe('hubOf and lifespanOf', () => {
  it('throw clear errors outside the runtime', () => {
    const ctx = createTestContext();
    expect(() => hubOf(ctx)).toThrow(McpkitError);
    expect(() => hubOf(ctx)).toThrow(/served by @mcpkit\/runtime/);
    // A test context has no runtime, but it can supply lifespan values: the message says how.
    expect(() => lifespanOf(ctx)).toThrow(/createTestContext\(\{ lifespan \}\) in tests/);
  });

  it('lifespanOf fails clearly when no lifespan was configured, and reads it when there is one', async () => {
    const server = createDemoServer();
    const { client } = await connect(server);
    const none = await client.callTool({ name: 'lifespan_info' });
    expect(none.isError).toBe(true);
    expect(textOf(none)).toMatch(/no lifespan hook was configured/);
    const withValue = await connect(server, { hub: createSessionHub(server, { lifespan: { db: 'pool' } }) });
    expect((await withValue.client.callTool({ name: 'lifespan_info' })).structuredContent).toEqual({ db: 'pool' });
  });
});
