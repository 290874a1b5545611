import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedisServer } from './redis-server.js';

/**
 * The drivers a contract suite builds, each in a key namespace of its own on
 * one `redis-server` this test file starts (and stops): `create` opens a fresh
 * namespace, `peer` a second driver on the same one (another instance).
 */
export const namespacedDrivers = <T extends object>(
  name: string,
  open: (options: { readonly url: string; readonly keyPrefix: string | undefined }) => T,
) => {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.close());
  let namespaces = 0;
  const prefixes = new WeakMap<object, string>();
  const url = () => {
    if (!redis) throw new Error('redis-server has not started');
    return redis.url;
  };
  return {
    /** The running server's URL (after `beforeAll`). */
    url,
    create: (): T => {
      namespaces += 1;
      const keyPrefix = `${name}${namespaces}:`;
      const driver = open({ url: url(), keyPrefix });
      prefixes.set(driver, keyPrefix);
      return driver;
    },
    peer: (driver: object): T => open({ url: url(), keyPrefix: prefixes.get(driver) }),
  };
};
