import { isStoreUnavailable, StoreUnavailableError } from '@mcpkit/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.close());

/** Waits until the store answers again (it reconnects by itself). */
const backUp = (read: () => Promise<unknown>) =>
  vi.waitFor(
    async () => {
      await read();
    },
    { timeout: 10_000, interval: 50 },
  );

describe('redisStore against a real redis-server', () => {
  it('prefixes every key, so two prefixes never meet', async () => {
    const a = redisStore({ url: redis.url, keyPrefix: 'app-a:' });
    const b = redisStore({ url: redis.url, keyPrefix: 'app-b:' });
    const raw = new Redis(redis.url);
    try {
      await a.set('k', 'from-a');
      expect(await b.get('k')).toBeUndefined();
      expect(await raw.get('app-a:k')).toBe('from-a');
      const heard: string[] = [];
      await b.subscribe('ch', (message) => heard.push(message));
      await a.publish('ch', 'not for b');
      await raw.publish('app-b:ch', 'for b');
      await vi.waitFor(() => expect(heard).toEqual(['for b']));
    } finally {
      raw.disconnect();
      await a.close();
      await b.close();
    }
  });

  it('uses mcpkit: as the default prefix', async () => {
    const store = redisStore({ url: redis.url });
    const raw = new Redis(redis.url);
    try {
      await store.set('default-prefix', 'v');
      expect(await raw.get('mcpkit:default-prefix')).toBe('v');
    } finally {
      raw.disconnect();
      await store.close();
    }
  });

  it('reports a command Redis refuses as that error, not as an outage', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'refused:' });
    try {
      await store.set('text', 'not a number');
      const failure = await store.increment('text').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(isStoreUnavailable(failure)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('refuses a time to live that is not a positive number', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'ttl:' });
    try {
      await expect(store.set('k', 'v', { ttlMs: 0 })).rejects.toThrow(RangeError);
      await expect(store.touch('k', -1)).rejects.toThrow(RangeError);
      await expect(store.increment('k', 1.5)).rejects.toThrow(RangeError);
      await expect(store.increment('k', 1, { ttlMs: Number.NaN })).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('rejects calls after close with StoreUnavailableError', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'closed:' });
    await store.set('k', 'v');
    await store.close();
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  it('gives up on a Redis that never comes up after connectTimeoutMs', async () => {
    const nowhere = await startRedisServer();
    const url = nowhere.url;
    await nowhere.close();
    const store = redisStore({ url, connectTimeoutMs: 200 });
    try {
      const failure = await store.get('k').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect((failure as StoreUnavailableError).message).toMatch(/no connection within 200 ms/);
      expect((failure as StoreUnavailableError).retryAfterMs).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});

describe('redisStore while Redis restarts', () => {
  it('fails fast while Redis is down, then reconnects and resubscribes by itself', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'restart:' });
    const heard: string[] = [];
    try {
      await store.set('before', 'kept only with persistence');
      await store.subscribe('ch', (message) => heard.push(message));
      await store.publish('ch', 'one');
      await vi.waitFor(() => expect(heard).toEqual(['one']));

      await redis.stop('SIGKILL');
      // Every kind of call rejects with the typed error instead of waiting for Redis.
      const calls = await Promise.allSettled([
        store.get('k'),
        store.set('k', 'v'),
        store.increment('n'),
        store.touch('k', 1000),
        store.delete('k'),
        store.publish('ch', 'lost'),
        store.subscribe('other', () => {}),
      ]);
      for (const call of calls) {
        expect(call.status).toBe('rejected');
        const reason = (call as PromiseRejectedResult).reason;
        expect(isStoreUnavailable(reason)).toBe(true);
        // Refused for the connection's state, not after waiting out commandTimeoutMs.
        expect(reason.message).not.toMatch(/timed out/i);
      }

      await redis.start();
      await backUp(() => store.get('k'));
      expect(await store.increment('n')).toBe(1);
      // The subscriber connection came back with its channels.
      await vi.waitFor(
        async () => {
          await store.publish('ch', 'two');
          expect(heard).toContain('two');
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(heard).not.toContain('lost');
    } finally {
      await store.close();
    }
  });

  it('fails calls to a hung Redis after commandTimeoutMs, then serves again once it answers', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'hung:', commandTimeoutMs: 200 });
    try {
      await store.set('k', 'v');
      redis.freeze();
      const failure = await store.get('k').catch((error: unknown) => error);
      redis.thaw();
      expect(isStoreUnavailable(failure)).toBe(true);
      expect((failure as Error).message).toMatch(/timed out/i);
      await backUp(async () => expect(await store.get('k')).toBe('v'));
    } finally {
      redis.thaw();
      await store.close();
    }
  });

  it('fails the calls in flight when the connection drops, never running them twice', async () => {
    const store = redisStore({ url: redis.url, keyPrefix: 'inflight:' });
    try {
      await store.set('n', '0');
      const inFlight = Array.from({ length: 200 }, () => store.increment('n').then(() => 'ok' as const));
      const killed = redis.stop('SIGKILL');
      const outcomes = await Promise.allSettled(inFlight);
      await killed;
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(isStoreUnavailable(outcome.reason)).toBe(true);
      }
      await redis.start();
      await backUp(() => store.get('n'));
      // Without persistence the counter is gone; what matters is that nothing was replayed into the new Redis.
      expect(await store.get('n')).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
