import { ProtocolError } from '@mcpkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventBus } from './event-bus.js';
import {
  type ListenHandle,
  type ListenNotification,
  type ListenOptions,
  listenClosedResult,
  openListen,
} from './listen.js';
import { readListenFilter } from './listen-filter.js';
import { createMemoryEventBus } from './memory-event-bus.js';
import { createSubscriptionSlots } from './subscription-slots.js';

const ID = 'SUB';
const everything = { tools: true, prompts: true, resources: true, resourceUpdates: true };
const stamp = { 'io.modelcontextprotocol/subscriptionId': ID };

const setup = (overrides: Partial<ListenOptions> = {}) => {
  const sent: ListenNotification[] = [];
  const bus = overrides.bus ?? createMemoryEventBus();
  const options: ListenOptions = {
    id: ID,
    notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a'] },
    support: everything,
    bus,
    send: (message) => sent.push(message),
    slots: createSubscriptionSlots(10),
    ...overrides,
  };
  return { sent, bus, options, open: () => openListen(options) };
};

const handleOf = (result: ListenHandle | ProtocolError): ListenHandle => {
  if (result instanceof ProtocolError) throw result;
  return result;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('openListen', () => {
  it('acknowledges first, then delivers only what was asked, stamped with the subscription id', async () => {
    const { sent, bus, open } = setup();
    const handle = handleOf(await open());
    expect(handle.acknowledged).toEqual({ toolsListChanged: true, resourceSubscriptions: ['file:///a'] });
    await bus.publish({ type: 'list_changed', kind: 'prompts' });
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    await bus.publish({ type: 'resource_updated', uri: 'file:///b' });
    await bus.publish({ type: 'resource_updated', uri: 'file:///a' });
    await bus.publish({ type: 'list_changed', kind: 'resources' });
    expect(sent).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { _meta: stamp, notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a'] } },
      },
      { jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { _meta: stamp } },
      { jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 'file:///a', _meta: stamp } },
    ]);
  });

  it('stamps with a numeric id as given', async () => {
    const { sent, bus } = setup();
    handleOf(await openListen({ ...setup().options, id: 0, bus, send: (m) => sent.push(m) }));
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    expect(
      sent.map((m) => (m.params._meta as Record<string, unknown>)['io.modelcontextprotocol/subscriptionId']),
    ).toEqual([0, 0]);
  });

  it('leaves unsupported and unrequested types out of the acknowledgement and the stream', async () => {
    const { sent, bus, open } = setup({
      notifications: {
        toolsListChanged: true,
        promptsListChanged: true,
        resourcesListChanged: false,
        resourceSubscriptions: ['x://1'],
      },
      support: { tools: false, prompts: true, resources: true, resourceUpdates: false },
    });
    const handle = handleOf(await open());
    expect(handle.acknowledged).toEqual({ promptsListChanged: true });
    for (const kind of ['tools', 'prompts', 'resources'] as const) await bus.publish({ type: 'list_changed', kind });
    await bus.publish({ type: 'resource_updated', uri: 'x://1' });
    expect(sent.map((m) => m.method)).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/prompts/list_changed',
    ]);
  });

  it('acknowledges an empty filter and then stays silent', async () => {
    const { sent, bus, open } = setup({ notifications: {} });
    expect(handleOf(await open()).acknowledged).toEqual({});
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    expect(sent).toHaveLength(1);
  });

  it('refuses a bad filter with -32602, sending nothing and taking no slot', async () => {
    const slots = createSubscriptionSlots(1);
    const { sent, open } = setup({ notifications: { toolsListChanged: 'yes' }, slots });
    const result = await open();
    expect(result).toBeInstanceOf(ProtocolError);
    expect((result as ProtocolError).code).toBe(-32602);
    expect(sent).toEqual([]);
    expect(slots.open()).toBe(0);
  });

  it('caps open subscriptions and frees a slot on close', async () => {
    const slots = createSubscriptionSlots(1);
    const first = handleOf(await setup({ slots }).open());
    const refused = await setup({ slots }).open();
    expect(refused).toBeInstanceOf(ProtocolError);
    expect((refused as ProtocolError).code).toBe(-32600);
    expect((refused as ProtocolError).data).toEqual({ limit: 1 });
    first.close();
    first.close();
    expect(slots.open()).toBe(0);
    handleOf(await setup({ slots }).open());
    expect(slots.open()).toBe(1);
  });

  it('stops delivering after close', async () => {
    const { sent, bus, open } = setup();
    const handle = handleOf(await open());
    handle.close();
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    expect(sent).toHaveLength(1);
  });

  it('holds events that beat the acknowledgement until it is sent', async () => {
    const sent: ListenNotification[] = [];
    const eager: EventBus = {
      publish: async () => {},
      subscribe: async (_filter, listener) => {
        listener({ type: 'list_changed', kind: 'tools' });
        return () => {};
      },
      close: async () => {},
    };
    handleOf(await setup({ bus: eager, send: (m) => sent.push(m) }).open());
    expect(sent.map((m) => m.method)).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/tools/list_changed',
    ]);
  });

  it('answers -32603 and frees the slot when the bus cannot subscribe', async () => {
    const slots = createSubscriptionSlots(1);
    const broken: EventBus = {
      publish: async () => {},
      subscribe: async () => {
        throw new Error('backend down');
      },
      close: async () => {},
    };
    const { sent, open } = setup({ bus: broken, slots });
    const result = await open();
    expect((result as ProtocolError).code).toBe(-32603);
    expect(sent).toEqual([]);
    expect(slots.open()).toBe(0);
  });

  it('sends a keep-alive after each quiet period, and none after close', async () => {
    vi.useFakeTimers();
    const keepAlive = vi.fn();
    const { bus, open } = setup({ keepAliveMs: 1000, keepAlive });
    const handle = handleOf(await open());
    await vi.advanceTimersByTimeAsync(999);
    expect(keepAlive).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(keepAlive).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    // A message restarts the quiet period.
    await vi.advanceTimersByTimeAsync(999);
    expect(keepAlive).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(keepAlive).toHaveBeenCalledTimes(2);
    handle.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(keepAlive).toHaveBeenCalledTimes(2);
  });

  it('sends no keep-alive without an interval', async () => {
    vi.useFakeTimers();
    const keepAlive = vi.fn();
    handleOf(await setup({ keepAlive }).open());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(keepAlive).not.toHaveBeenCalled();
  });

  it('builds the graceful closing result', () => {
    expect(listenClosedResult(7)).toEqual({
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/subscriptionId': 7 },
    });
  });
});

describe('readListenFilter', () => {
  it('keeps known fields and drops duplicate URIs and unknown fields', () => {
    expect(
      readListenFilter({ toolsListChanged: false, resourceSubscriptions: ['a', 'a', 'b'], futureThing: true }),
    ).toEqual({ toolsListChanged: false, resourceSubscriptions: ['a', 'b'] });
  });

  it.each([
    [undefined],
    [null],
    [[]],
    ['all'],
    [{ promptsListChanged: 1 }],
    [{ resourceSubscriptions: 'file:///a' }],
    [{ resourceSubscriptions: [1] }],
  ])('refuses %j with -32602', (notifications) => {
    const result = readListenFilter(notifications);
    expect(result).toBeInstanceOf(ProtocolError);
    expect((result as ProtocolError).code).toBe(-32602);
  });

  it('caps the number of URIs', () => {
    expect(readListenFilter({ resourceSubscriptions: ['a', 'b'] }, 2)).not.toBeInstanceOf(ProtocolError);
    expect(readListenFilter({ resourceSubscriptions: ['a', 'b', 'c'] }, 2)).toBeInstanceOf(ProtocolError);
  });
});

describe('createSubscriptionSlots', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses limit %s', (limit) => {
    expect(() => createSubscriptionSlots(limit)).toThrow(RangeError);
  });
});
