/**
 * Sessions shared between instances through a store, in one process: two
 * HTTP handlers of the same server share one memory store and one memory
 * event bus (as two processes share Redis), and the SDK client's fetch goes
 * to them in turn, as a round-robin balancer without stickiness would.
 */
import { createMemoryStore, createServer, resource, type Store, tool } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryEventBus,
  createSessionHub,
  type EventBus,
  type FetchHandler,
  type HttpOptions,
  hubOf,
  toFetchHandler,
} from '../src/index.js';
import { createCleanup } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const URL_ = 'http://127.0.0.1/mcp';
const NOTE_URI = 'note://board';

/** The same server as each instance runs it; `tag` names the instance. */
const makeServer = (tag = '?') =>
  createServer({ name: 'shared', version: '1.0.0' }, [
    tool({ name: 'instance', run: () => tag }),
    tool({
      name: 'remember',
      input: v.object({ key: v.string(), value: v.string() }),
      run: ({ key, value }, ctx) => {
        ctx.session.state.set(key, value);
        return 'ok';
      },
    }),
    tool({
      name: 'save',
      input: v.object({ key: v.string(), value: v.string() }),
      run: async ({ key, value }, ctx) => {
        await ctx.session.setState(key, value);
        return 'saved';
      },
    }),
    tool({
      name: 'recall',
      input: v.object({ key: v.string() }),
      run: async ({ key }, ctx) =>
        JSON.stringify({ async: (await ctx.session.getState(key)) ?? null, map: ctx.session.state.get(key) ?? null }),
    }),
    tool({
      name: 'hide_admin',
      run: (_args, ctx) => {
        ctx.session.disable({ tags: ['admin'] });
        return 'hidden';
      },
    }),
    tool({ name: 'admin_reset', tags: ['admin'], run: () => 'reset' }),
    tool({
      name: 'ask_name',
      run: async (_args, ctx) => {
        const answer = await ctx.elicit({ message: 'Name?', schema: v.object({ name: v.string() }) });
        return answer.action === 'accept' ? `hello ${answer.content.name}` : answer.action;
      },
    }),
    tool({
      name: 'touch_note',
      run: (_args, ctx) => {
        hubOf(ctx).resourceUpdated(NOTE_URI);
        return 'touched';
      },
    }),
    resource({ uri: NOTE_URI, name: 'note', read: () => 'note' }),
  ]);

interface Instance {
  readonly handler: FetchHandler;
  readonly tag: string;
}

/** `count` instances of one server sharing `store` and one event bus. */
const startInstances = (
  count: number,
  store: Store,
  options: HttpOptions = {},
  bus: EventBus = createMemoryEventBus(),
) => {
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const tag = String.fromCharCode(65 + i);
    const server = makeServer(tag);
    const hub = createSessionHub(server, { eventBus: bus });
    const handler = toFetchHandler(server, { sessionStore: store, ...options, hub });
    cleanup.add(() => handler.close());
    instances.push({ handler, tag });
  }
  return instances;
};

/** A fetch that sends each request to the next instance in turn, and records which one served it. */
const roundRobin = (instances: readonly Instance[]) => {
  let next = 0;
  const served: { method: string; tag: string; status: number }[] = [];
  const fetcher = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const instance = instances[next++ % instances.length] as Instance;
    const response = await instance.handler(new Request(input, init));
    served.push({ method: init?.method ?? 'GET', tag: instance.tag, status: response.status });
    return response;
  };
  return { fetch: fetcher as typeof fetch, served };
};

const connect = async (fetcher: typeof fetch, capabilities = {}) => {
  const transport = new StreamableHTTPClientTransport(new URL(URL_), { fetch: fetcher });
  const client = new Client({ name: 'shared-test', version: '1.0.0' }, { capabilities });
  cleanup.add(() => client.close());
  await client.connect(transport);
  return { client, transport };
};

const text = (result: unknown): string =>
  ((result as { content: { type: string; text: string }[] }).content[0] as { text: string }).text;

describe('sessionStore: one session served by several instances', () => {
  it('serves a session opened on one instance from every other', async () => {
    const instances = startInstances(3, createMemoryStore());
    const balancer = roundRobin(instances);
    const { client } = await connect(balancer.fetch);
    const tags = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const result = await client.callTool({ name: 'instance', arguments: {} });
      expect(result.isError).toBeFalsy();
      tags.add(text(result));
    }
    expect(tags).toEqual(new Set(['A', 'B', 'C']));
    expect(balancer.served.filter((s) => s.status === 404)).toEqual([]);
  });

  it('without a store, the other instance answers 404 (as before)', async () => {
    const server = makeServer();
    const a = toFetchHandler(server);
    const b = toFetchHandler(server);
    cleanup.add(() => a.close());
    cleanup.add(() => b.close());
    const balancer = roundRobin([
      { handler: a, tag: 'A' },
      { handler: b, tag: 'B' },
    ]);
    await expect(connect(balancer.fetch)).rejects.toThrow();
    expect(balancer.served.some((s) => s.status === 404)).toBe(true);
  });

  it('shares ctx.session.state: the Map is saved after the request, setState at once, getState reads the store', async () => {
    const instances = startInstances(2, createMemoryStore());
    const { client } = await connect(roundRobin(instances).fetch);
    await client.callTool({ name: 'remember', arguments: { key: 'colour', value: 'teal' } });
    await client.callTool({ name: 'save', arguments: { key: 'size', value: 'xl' } });
    for (let i = 0; i < 2; i++) {
      expect(JSON.parse(text(await client.callTool({ name: 'recall', arguments: { key: 'colour' } })))).toEqual({
        async: 'teal',
        map: 'teal',
      });
      expect(JSON.parse(text(await client.callTool({ name: 'recall', arguments: { key: 'size' } })))).toEqual({
        async: 'xl',
        map: 'xl',
      });
    }
  });

  it('shares the state Map in JSON mode too, where ctx.session is made once per session', async () => {
    const instances = startInstances(2, createMemoryStore(), { json: true });
    const { client } = await connect(roundRobin(instances).fetch);
    for (let i = 0; i < 4; i++) {
      await client.callTool({ name: 'remember', arguments: { key: 'turn', value: String(i) } });
      expect(JSON.parse(text(await client.callTool({ name: 'recall', arguments: { key: 'turn' } })))).toEqual({
        async: String(i),
        map: String(i),
      });
    }
  });

  it('shares visibility rules and the log level', async () => {
    const instances = startInstances(2, createMemoryStore());
    const { client } = await connect(roundRobin(instances).fetch);
    const before = (await client.listTools()).tools.map((t) => t.name);
    expect(before).toContain('admin_reset');
    await client.callTool({ name: 'hide_admin', arguments: {} });
    for (let i = 0; i < 3; i++) {
      expect((await client.listTools()).tools.map((t) => t.name)).not.toContain('admin_reset');
    }
  });

  it('delivers a resource update published on any instance to a subscriber served by another, once', async () => {
    const instances = startInstances(3, createMemoryStore());
    const { client } = await connect(roundRobin(instances).fetch);
    const heard: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (note) => {
      heard.push(note.params.uri);
    });
    await client.subscribeResource({ uri: NOTE_URI });
    for (let i = 0; i < 3; i++) await client.callTool({ name: 'touch_note', arguments: {} });
    await expect.poll(() => heard.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([NOTE_URI, NOTE_URI, NOTE_URI]);
  });

  it('routes an elicitation answer POSTed to another instance to the one whose handler waits', async () => {
    const instances = startInstances(2, createMemoryStore());
    const balancer = roundRobin(instances);
    const { client } = await connect(balancer.fetch, { elicitation: { form: {} } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { name: 'Ada' } }));
    for (let i = 0; i < 2; i++) {
      const result = await client.callTool({ name: 'ask_name', arguments: {} });
      expect(text(result)).toBe('hello Ada');
    }
  });

  it('DELETE on one instance ends the session on every instance', async () => {
    const store = createMemoryStore();
    const instances = startInstances(2, store);
    const { client, transport } = await connect(roundRobin(instances).fetch);
    await client.callTool({ name: 'instance', arguments: {} });
    const id = transport.sessionId as string;
    await transport.terminateSession();
    for (const instance of instances) {
      const response = await instance.handler(
        new Request(URL_, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-session-id': id,
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        }),
      );
      expect(response.status).toBe(404);
    }
    expect(await store.get(`session:${id}`)).toBeUndefined();
  });

  it('caps sessions across instances (maxSessions counts every instance), and frees a slot on DELETE', async () => {
    const instances = startInstances(2, createMemoryStore(), { maxSessions: 1 });
    const first = await connect(roundRobin(instances).fetch);
    // The second client starts on the other instance: the cap is shared.
    const second = roundRobin([instances[1] as Instance, instances[0] as Instance]);
    await expect(connect(second.fetch)).rejects.toThrow(/503|too many sessions/i);
    await first.transport.terminateSession();
    await expect(connect(roundRobin([instances[1] as Instance]).fetch)).resolves.toBeDefined();
  });
});

describe('sessionStore: session lifetime', () => {
  it('gives the slot of a session that expired idle back, once, so the cap admits a new one', async () => {
    const store = createMemoryStore();
    const instances = startInstances(2, store, { maxSessions: 1, sessionTtlMs: 60 });
    // A session opened, then left idle (no stream): its record expires with the TTL.
    const opened = await (instances[0] as Instance).handler(
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'idle', version: '1' } },
        }),
      }),
    );
    expect(opened.status).toBe(200);
    await expect(connect(roundRobin(instances).fetch)).rejects.toThrow(/too many sessions/i);
    // Both copies are swept once the record expired; only one of them frees the slot.
    await vi.waitFor(async () => expect(await store.get('sessions:open')).toBe('0'), { timeout: 5000 });
    await expect(connect(roundRobin(instances).fetch)).resolves.toBeDefined();
    expect(await store.get('sessions:open')).toBe('1');
  });

  it('keeps the record of a session whose stream stays open past the TTL, for the other instances', async () => {
    const store = createMemoryStore();
    // Sweeps refresh the record every half TTL: a TTL of a second leaves a loaded machine half a second of slack.
    const instances = startInstances(2, store, { sessionTtlMs: 1000 });
    const balancer = roundRobin(instances);
    const { client, transport } = await connect(balancer.fetch);
    await vi.waitFor(() => expect(balancer.served.some((s) => s.method === 'GET' && s.status === 200)).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await store.get(`session:${transport.sessionId}`)).toBeDefined();
    expect((await client.callTool({ name: 'instance', arguments: {} })).isError).toBeFalsy();
  });

  it('without a store, getState/setState are the session Map, values kept as they are', async () => {
    const server = createServer({ name: 'plain', version: '1' }, [
      tool({
        name: 'same',
        run: async (_args, ctx) => {
          const value = { live: true };
          await ctx.session.setState('v', value);
          return String((await ctx.session.getState('v')) === value && ctx.session.state.get('v') === value);
        },
      }),
    ]);
    const handler = toFetchHandler(server);
    cleanup.add(() => handler.close());
    const { client } = await connect(roundRobin([{ handler, tag: 'A' }]).fetch);
    expect(text(await client.callTool({ name: 'same', arguments: {} }))).toBe('true');
  });
});

describe('sessionStore: faults', () => {
  /** A memory store that can be switched off: its calls then never answer, as a Redis client queueing while it reconnects. */
  const switchable = () => {
    const inner = createMemoryStore();
    let down = false;
    const gate =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> =>
        down ? new Promise<R>(() => {}) : fn(...args);
    const store: Store = {
      get: gate(inner.get),
      set: gate(inner.set),
      delete: gate(inner.delete),
      touch: gate(inner.touch),
      increment: gate(inner.increment),
      publish: gate(inner.publish),
      subscribe: inner.subscribe,
      close: inner.close,
    };
    return { store, setDown: (value: boolean) => (down = value) };
  };

  it('answers 503 with Retry-After and a JSON-RPC error while the store is down, and recovers', async () => {
    const { store, setDown } = switchable();
    const instances = startInstances(2, store, { sessionStoreTimeoutMs: 100 });
    const { client, transport } = await connect(roundRobin(instances).fetch);
    await client.callTool({ name: 'instance', arguments: {} });
    setDown(true);
    const request = () =>
      (instances[1] as Instance).handler(
        new Request(URL_, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-session-id': transport.sessionId as string,
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
        }),
      );
    const refused = await request();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/store is unreachable/);
    setDown(false);
    expect((await request()).status).toBe(200);
  });
});
