import { isStoreUnavailable } from '@mcpkit/core';
import type { BusEvent } from '@mcpkit/runtime';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisEventBus, redisEventStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

// Append-only file fsynced on every write: what Redis acknowledged survives a kill -9.
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true });
});
afterAll(() => redis?.close());

const note = (data: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data },
});
const backUp = (attempt: () => Promise<unknown>) =>
  vi.waitFor(
    async () => {
      await attempt();
    },
    { timeout: 10_000, interval: 50 },
  );

describe('redisEventStore across a Redis crash', () => {
  it('loses no acknowledged event; refuses writes while down; resumes writing after', async () => {
    const writer = redisEventStore({ url: redis.url, keyPrefix: 'crash:' });
    const reader = redisEventStore({ url: redis.url, keyPrefix: 'crash:' });
    try {
      const primed = await writer.storeEvent('s', undefined);
      // Writes race the kill: whichever resolved was acknowledged and must survive.
      const acknowledged: string[] = [];
      const writes = Array.from({ length: 300 }, (_, i) =>
        writer.storeEvent('s', note(String(i))).then(
          () => void acknowledged.push(String(i)),
          (error: unknown) => expect(isStoreUnavailable(error)).toBe(true),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      await redis.stop('SIGKILL');
      await Promise.all(writes);

      const refused = await writer.storeEvent('s', note('while down')).catch((error: unknown) => error);
      expect(isStoreUnavailable(refused)).toBe(true);
      const replayRefused = await reader.replayEventsAfter(primed, () => {}).catch((error: unknown) => error);
      expect(isStoreUnavailable(replayRefused)).toBe(true);

      await redis.start();
      await backUp(() => writer.storeEvent('s', note('after')));
      const data: string[] = [];
      await backUp(async () => {
        data.length = 0;
        expect(await reader.replayEventsAfter(primed, (_id, m) => void data.push(note2data(m)))).toBe('s');
      });
      // Every acknowledged event is there, in order, once; then the one written after the restart.
      const beforeCrash = data.slice(0, -1);
      expect(beforeCrash.filter((value) => acknowledged.includes(value))).toEqual(
        [...acknowledged].sort((a, b) => Number(a) - Number(b)),
      );
      expect(new Set(data).size).toBe(data.length);
      expect(data.at(-1)).toBe('after');
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});

const note2data = (message: JSONRPCMessage) => (message as unknown as { params: { data: string } }).params.data;

describe('redisEventBus across a Redis restart', () => {
  it('refuses publishes while down, then resubscribes and delivers by itself', async () => {
    const publisher = redisEventBus({ url: redis.url, keyPrefix: 'bus-restart:' });
    const subscriber = redisEventBus({ url: redis.url, keyPrefix: 'bus-restart:' });
    const heard: BusEvent[] = [];
    try {
      await subscriber.subscribe({ uris: 'all' }, (event) => heard.push(event));
      await publisher.publish({ type: 'resource_updated', uri: 'test://before' });
      await vi.waitFor(() => expect(heard).toHaveLength(1));

      await redis.restart('SIGKILL');
      // Right after the restart the clients may still be reconnecting: either refused with the typed error, or delivered.
      await vi.waitFor(
        async () => {
          await publisher.publish({ type: 'resource_updated', uri: 'test://after' });
          expect(heard.map((event) => (event as { uri: string }).uri)).toContain('test://after');
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(heard[0]).toEqual({ type: 'resource_updated', uri: 'test://before' });

      await redis.stop('SIGKILL');
      const refused = await publisher.publish({ type: 'list_changed', kind: 'tools' }).catch((error: unknown) => error);
      expect(isStoreUnavailable(refused)).toBe(true);
      await redis.start();
    } finally {
      await publisher.close();
      await subscriber.close();
    }
  });
});
