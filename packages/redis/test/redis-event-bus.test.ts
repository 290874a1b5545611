import { eventBusContract } from '@mcpkit/runtime/testing';
import { afterAll, beforeAll } from 'vitest';
import { redisEventBus } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.close());

let namespaces = 0;
const prefixes = new WeakMap<object, string>();

eventBusContract('redis', {
  create: () => {
    namespaces += 1;
    const keyPrefix = `bus${namespaces}:`;
    const bus = redisEventBus({ url: redis.url, keyPrefix });
    prefixes.set(bus, keyPrefix);
    return bus;
  },
  peer: (bus) => redisEventBus({ url: redis.url, keyPrefix: prefixes.get(bus) }),
});
