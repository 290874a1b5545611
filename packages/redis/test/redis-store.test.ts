import { storeContract } from '@mcpkit/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { redisStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.close());

let namespaces = 0;
const prefixes = new WeakMap<object, string>();

storeContract('redis', {
  create: () => {
    namespaces += 1;
    const keyPrefix = `contract${namespaces}:`;
    const store = redisStore({ url: redis.url, keyPrefix });
    prefixes.set(store, keyPrefix);
    return store;
  },
  peer: (store) => redisStore({ url: redis.url, keyPrefix: prefixes.get(store) }),
});
