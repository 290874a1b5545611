import { createMemoryStore, type Store } from '@mcpkit/core';
import { describe, expect, it, vi } from 'vitest';
import type { BusEvent } from './event-bus.js';
import { eventBusContract } from './event-bus-contract.js';
import { createStoreEventBus } from './store-event-bus.js';

const stores = new WeakMap<object, Store>();
eventBusContract('store (memory store)', {
  create: () => {
    const store = createMemoryStore();
    const bus = createStoreEventBus(store);
    stores.set(bus, store);
    return bus;
  },
  // Two buses over one store: two instances sharing a backend.
  peer: (bus) => createStoreEventBus(stores.get(bus) as Store),
});

describe('createStoreEventBus', () => {
  it('ignores channel messages that are not events', async () => {
    const store = createMemoryStore();
    const bus = createStoreEventBus(store, { channel: 'bus' });
    const heard: BusEvent[] = [];
    await bus.subscribe({ lists: 'all', uris: 'all' }, (event) => heard.push(event));
    for (const message of [
      'not json',
      'null',
      '42',
      '{"type":"list_changed","kind":"secrets"}',
      '{"type":"list_changed"}',
      '{"type":"resource_updated","uri":7}',
      JSON.stringify({ type: 'resource_updated', uri: `x:${'a'.repeat(10_000)}` }),
      '{"type":"other"}',
    ]) {
      await store.publish('bus', message);
    }
    await bus.publish({ type: 'resource_updated', uri: 'file:///ok', extra: 'dropped' } as BusEvent);
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'resource_updated', uri: 'file:///ok' }]));
    await bus.close();
  });

  it('keeps buses on different channels apart, and closes the store only when asked', async () => {
    const store = createMemoryStore();
    const a = createStoreEventBus(store, { channel: 'a' });
    const b = createStoreEventBus(store, { channel: 'b', closeStore: true });
    const heard: BusEvent[] = [];
    await b.subscribe({ lists: 'all' }, (event) => heard.push(event));
    await a.publish({ type: 'list_changed', kind: 'tools' });
    await b.publish({ type: 'list_changed', kind: 'prompts' });
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'list_changed', kind: 'prompts' }]));
    await a.close();
    await store.set('still', 'open');
    expect(await store.get('still')).toBe('open');
    const ownsStore = { ...store, close: vi.fn(async () => {}) };
    await createStoreEventBus(ownsStore, { closeStore: true }).close();
    expect(ownsStore.close).toHaveBeenCalledOnce();
    await b.close();
  });

  it('reports a throwing listener to onListenerError', async () => {
    const errors: unknown[] = [];
    const bus = createStoreEventBus(createMemoryStore(), { onListenerError: (error) => errors.push(error) });
    const failure = new Error('boom');
    await bus.subscribe({ lists: 'all' }, () => {
      throw failure;
    });
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    await vi.waitFor(() => expect(errors).toEqual([failure]));
    await bus.close();
  });

  it('rejects a subscribe the store refuses, and lets a later one try again', async () => {
    const store = createMemoryStore();
    let refuse = true;
    const flaky: Store = {
      ...store,
      subscribe: (channel, listener) =>
        refuse ? Promise.reject(new Error('store down')) : store.subscribe(channel, listener),
    };
    const bus = createStoreEventBus(flaky);
    await expect(bus.subscribe({ lists: 'all' }, () => {})).rejects.toThrow('store down');
    refuse = false;
    const heard: BusEvent[] = [];
    await bus.subscribe({ lists: 'all' }, (event) => heard.push(event));
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    await bus.close();
  });
});
