import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { eventStoreContract } from './event-store-contract.js';
import { createMemoryEventStore } from './memory-event-store.js';

const log = (data: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data },
});
const sizeOf = (message: JSONRPCMessage) => JSON.stringify(message).length;

const replayed = async (store: ReturnType<typeof createMemoryEventStore>, after: string) => {
  const data: string[] = [];
  const stream = await store.replayEventsAfter(after, (_id, m) => {
    data.push((m as unknown as { params: { data: string } }).params.data);
  });
  return { stream, data };
};

describe('createMemoryEventStore maxBytes', () => {
  it('forgets the oldest events once their JSON passes maxBytes in all', async () => {
    const one = sizeOf(log('0'.repeat(100)));
    const store = createMemoryEventStore({ maxBytes: 3 * one });
    const primed = await store.storeEvent('s', undefined);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await store.storeEvent('s', log(String(i).repeat(100))));
    // Three messages fit: events 3, 4 and 5 remain, so only a resume from 2 onwards works.
    expect((await replayed(store, primed)).stream).toBeUndefined();
    expect((await replayed(store, ids[1] as string)).stream).toBeUndefined();
    expect((await replayed(store, ids[3] as string)).data).toEqual(['4'.repeat(100), '5'.repeat(100)]);
  });

  it('keeps the id of an event too large on its own, but not its message', async () => {
    const store = createMemoryEventStore({ maxBytes: 1000 });
    const before = await store.storeEvent('s', log('small'));
    const big = await store.storeEvent('s', log('x'.repeat(5000)));
    await store.storeEvent('s', log('after'));
    expect((await replayed(store, before)).data).toEqual(['after']);
    expect((await replayed(store, big)).data).toEqual(['after']);
  });

  it('replays copies: later changes to a sent message do not reach the store', async () => {
    const store = createMemoryEventStore();
    const message = log('original');
    const first = await store.storeEvent('s', log('first'));
    await store.storeEvent('s', message);
    (message as unknown as { params: { data: string } }).params.data = 'changed';
    expect((await replayed(store, first)).data).toEqual(['original']);
  });

  it('rejects a nonsensical maxBytes', () => {
    expect(() => createMemoryEventStore({ maxBytes: 0 })).toThrow(RangeError);
    expect(() => createMemoryEventStore({ maxBytes: 1.5 })).toThrow(RangeError);
  });
});

eventStoreContract('memory', { create: () => createMemoryEventStore() });
