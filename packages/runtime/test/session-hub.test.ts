/** Hubs: subscriptions, resource updates across sessions, closeAll, protocol-level validation. */
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionHub } from '../src/index.js';
import { COUNTER_URI, createDemoServer } from './fixtures/demo-server.js';
import { connectInMemory, type InMemoryConnection } from './fixtures/in-memory.js';

let open: InMemoryConnection[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

const setup = async (count: number) => {
  const server = createDemoServer();
  const hub = createSessionHub(server);
  const connections: (InMemoryConnection & { updates: string[] })[] = [];
  for (let i = 0; i < count; i++) {
    const connection = await connectInMemory(server, { hub });
    open.push(connection);
    const updates: string[] = [];
    connection.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void updates.push(n.params.uri));
    connections.push({ ...connection, updates });
  }
  return { server, hub, connections };
};

describe('session hub', () => {
  it('sends resources/updated only to the sessions subscribed to that URI', async () => {
    const { hub, connections } = await setup(3);
    const [a, b, c] = connections as [(typeof connections)[0], (typeof connections)[0], (typeof connections)[0]];
    await a.client.subscribeResource({ uri: COUNTER_URI });
    await b.client.subscribeResource({ uri: 'demo://greeting/Ada' });
    hub.resourceUpdated(COUNTER_URI);
    hub.resourceUpdated('demo://greeting/Ada');
    hub.resourceUpdated('demo://nobody-subscribed');
    // A round trip per client: notifications sent before it have been handled.
    await Promise.all(connections.map((x) => x.client.ping()));
    expect(a.updates).toEqual([COUNTER_URI]);
    expect(b.updates).toEqual(['demo://greeting/Ada']);
    expect(c.updates).toEqual([]);
  });

  it('reaches the hub from a handler (hubOf) to notify every subscribed session', async () => {
    const { connections } = await setup(2);
    const [a, b] = connections as [(typeof connections)[0], (typeof connections)[0]];
    await a.client.subscribeResource({ uri: COUNTER_URI });
    await b.client.subscribeResource({ uri: COUNTER_URI });
    await b.client.callTool({ name: 'bump_counter' });
    await a.client.ping();
    expect(a.updates).toEqual([COUNTER_URI]);
    expect(b.updates).toEqual([COUNTER_URI]);
  });

  it('forgets closed sessions, and closeAll closes every live one', async () => {
    const { hub, connections } = await setup(3);
    expect(hub.sessions.size).toBe(3);
    connections[0]?.session.close();
    expect(hub.sessions.size).toBe(2);
    expect(hub.sessions.has(connections[0]?.session as never)).toBe(false);
    hub.closeAll();
    expect(hub.sessions.size).toBe(0);
    const late = await connections[1]?.session.receive({ jsonrpc: '2.0', id: 9, method: 'ping' });
    expect(late).toMatchObject({ error: { code: -32600 } });
  });

  it('validates subscribe and setLevel params', async () => {
    const { connections } = await setup(1);
    const session = connections[0]?.session;
    const ask = (method: string, params: Record<string, unknown>) =>
      session?.receive({ jsonrpc: '2.0', id: 1, method, params });
    expect(await ask('resources/subscribe', {})).toMatchObject({ error: { code: -32602 } });
    expect(await ask('resources/unsubscribe', { uri: 3 })).toMatchObject({ error: { code: -32602 } });
    expect(await ask('resources/unsubscribe', { uri: 'demo://never-subscribed' })).toMatchObject({ result: {} });
    expect(await ask('logging/setLevel', { level: 'loud' })).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/debug, info/) },
    });
    expect(await ask('logging/setLevel', { level: 'warning' })).toMatchObject({ result: {} });
  });

  it('ignores cancellations of unknown requests and responses nobody waits for', async () => {
    const { connections } = await setup(1);
    const session = connections[0]?.session;
    expect(
      await session?.receive({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 404 } }),
    ).toBeUndefined();
    expect(await session?.receive({ jsonrpc: '2.0', id: 77, result: {} })).toBeUndefined();
    await expect(connections[0]?.client.ping()).resolves.toEqual({});
  });
});
