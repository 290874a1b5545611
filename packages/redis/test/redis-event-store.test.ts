import type { EventStore } from '@mcpkit/runtime';
import { eventStoreContract } from '@mcpkit/runtime/testing';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { type RedisEventStore, type RedisEventStoreOptions, redisEventStore } from '../src/index.js';
import { namespacedDrivers } from './contract-drivers.js';

const drivers = namespacedDrivers('events', (options) => redisEventStore(options));

eventStoreContract('redis', {
  create: drivers.create,
  peer: drivers.peer,
  close: (store) => (store as RedisEventStore).close(),
});

const note = (data: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data },
});
const replayed = async (store: EventStore, after: string) => {
  const data: string[] = [];
  const streamId = await store.replayEventsAfter(after, (_id, message) => {
    data.push((message as unknown as { params: { data: string } }).params.data);
  });
  return { streamId, data };
};

describe('redisEventStore bounds', () => {
  let namespaces = 0;
  const open = (options: RedisEventStoreOptions) => {
    namespaces += 1;
    return redisEventStore({ url: drivers.url(), keyPrefix: `bounds${namespaces}:`, ...options });
  };

  it('keeps maxEventsPerStream events per stream and refuses a resume from a trimmed one', async () => {
    const store = open({ maxEventsPerStream: 3 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await store.storeEvent('s', note(String(i))));
      const other = await store.storeEvent('t', note('other stream'));
      expect((await replayed(store, ids[2] as string)).streamId).toBeUndefined();
      expect(await replayed(store, ids[3] as string)).toEqual({ streamId: 's', data: ['4', '5'] });
      expect((await replayed(store, other)).streamId).toBe('t');
    } finally {
      await store.close();
    }
  });

  it('forgets a stream streamTtlMs after its last event', async () => {
    const store = open({ streamTtlMs: 250 });
    try {
      const first = await store.storeEvent('s', note('a'));
      await store.storeEvent('s', note('b'));
      expect((await replayed(store, first)).data).toEqual(['b']);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await replayed(store, first)).streamId).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('keeps the id of an event larger than maxEventBytes, but not its message', async () => {
    const store = open({ maxEventBytes: 1000 });
    try {
      const before = await store.storeEvent('s', note('small'));
      const big = await store.storeEvent('s', note('x'.repeat(5000)));
      await store.storeEvent('s', note('after'));
      expect((await replayed(store, before)).data).toEqual(['after']);
      expect((await replayed(store, big)).data).toEqual(['after']);
    } finally {
      await store.close();
    }
  });

  it('replays a stream longer than one page, in order', async () => {
    const store = open({});
    try {
      const primed = await store.storeEvent('long', undefined);
      const sent = Array.from({ length: 250 }, (_, i) => String(i));
      for (const data of sent) await store.storeEvent('long', note(data));
      expect((await replayed(store, primed)).data).toEqual(sent);
    } finally {
      await store.close();
    }
  });

  it('skips an entry that is not its own (not JSON) instead of failing the replay', async () => {
    const store = open({});
    const raw = new Redis(drivers.url());
    try {
      const first = await store.storeEvent('s', note('first'));
      await raw.xadd(`bounds${namespaces}:events:s`, '*', 'm', '{not json');
      await store.storeEvent('s', note('after'));
      expect(await replayed(store, first)).toEqual({ streamId: 's', data: ['after'] });
    } finally {
      raw.disconnect();
      await store.close();
    }
  });

  it('refuses nonsensical bounds', () => {
    expect(() => redisEventStore({ url: drivers.url(), maxEventsPerStream: 0 })).toThrow(RangeError);
    expect(() => redisEventStore({ url: drivers.url(), streamTtlMs: 1.5 })).toThrow(RangeError);
    expect(() => redisEventStore({ url: drivers.url(), maxEventBytes: -1 })).toThrow(RangeError);
    expect(() => redisEventStore({ url: drivers.url(), commandTimeoutMs: 0 })).toThrow(RangeError);
  });
});
