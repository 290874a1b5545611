import {
  createServer,
  createTestContext,
  type Middleware,
  rateLimit,
  responseCache,
  type Store,
  tool,
} from '@mcpkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.close());

const info = { name: 't', version: '1' };
const request = (method: string) => ({ jsonrpc: '2.0' as const, id: 1, method, params: {} });

/**
 * Three instances, each with its own Redis connections and middleware, as
 * three processes would have; `runs` counts the requests that got past the
 * given middleware to the handlers.
 */
const cluster = (keyPrefix: string, middleware: (store: Store) => Middleware[]) => {
  const stores = [1, 2, 3].map(() => redisStore({ url: redis.url, keyPrefix }));
  let runs = 0;
  const counter: Middleware = (_request, _ctx, next) => {
    runs += 1;
    return next();
  };
  const servers = stores.map((store) =>
    createServer(info, [tool({ name: 'echo', run: () => 'e' })], { middleware: [...middleware(store), counter] }),
  );
  return { servers, runs: () => runs, close: () => Promise.all(stores.map((store) => store.close())) };
};

describe('rateLimit and responseCache on Redis, across instances', () => {
  it('rateLimit counts one client across three instances', async () => {
    const { servers, close } = cluster('limit:', (store) => [
      rateLimit({ capacity: 5, refillPerSecond: 5 / 3600, store }),
    ]);
    try {
      const ctx = createTestContext({ sessionId: 'client' });
      const answers = [];
      for (let i = 0; i < 9; i++) answers.push(await servers[i % 3]?.handle(request('tools/list'), ctx));
      expect(answers.filter((answer) => answer && 'result' in answer)).toHaveLength(5);
      expect(answers.slice(5).map((answer) => (answer as { error?: { code: number } }).error?.code)).toEqual([
        -32000, -32000, -32000, -32000,
      ]);
    } finally {
      await close();
    }
  });

  it('responseCache serves one instance’s answer from the others, and an invalidation reaches all', async () => {
    const caches: ReturnType<typeof responseCache>[] = [];
    const { servers, runs, close } = cluster('cache:', (store) => {
      const cache = responseCache({ ttlMs: 60_000, store });
      caches.push(cache);
      return [cache];
    });
    try {
      const seen = [];
      for (const server of servers) seen.push(await server.handle(request('tools/list')));
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
      expect(runs()).toBe(1);
      await caches[2]?.invalidate('tools');
      await servers[0]?.handle(request('tools/list'));
      await servers[1]?.handle(request('tools/list'));
      expect(runs()).toBe(2);
      await caches[0]?.invalidate('prompts');
      await servers[2]?.handle(request('tools/list'));
      expect(runs()).toBe(2);
    } finally {
      await close();
    }
  });

  it('while Redis is down, rateLimit fails the request with STORE_UNAVAILABLE and responseCache serves uncached', async () => {
    const { servers, runs, close } = cluster('down:', (store) => [
      rateLimit({ capacity: 100, refillPerSecond: 1, store }),
    ]);
    const cached = cluster('down-cache:', (store) => [responseCache({ ttlMs: 60_000, store })]);
    const open = cluster('down-open:', (store) => [
      rateLimit({ capacity: 100, refillPerSecond: 1, store, onStoreError: 'allow' }),
    ]);
    try {
      expect(await servers[0]?.handle(request('tools/list'))).toHaveProperty('result');
      await cached.servers[0]?.handle(request('tools/list'));
      await redis.stop('SIGKILL');
      const answer = await servers[1]?.handle(request('tools/list'));
      expect(answer).toMatchObject({
        error: { code: -32603, message: expect.stringMatching(/^Redis is unavailable/) },
      });
      expect(runs()).toBe(1);
      expect(await open.servers[0]?.handle(request('tools/list'))).toHaveProperty('result');
      expect(await cached.servers[1]?.handle(request('tools/list'))).toHaveProperty('result');
      expect(await cached.servers[2]?.handle(request('tools/list'))).toHaveProperty('result');
      expect(cached.runs()).toBe(3);
    } finally {
      await redis.start();
      await Promise.all([close(), cached.close(), open.close()]);
    }
  });
});
