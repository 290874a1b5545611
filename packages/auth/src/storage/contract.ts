import type { KeyValueStore } from './types.js';

/** The test functions a contract run needs (vitest's, or any compatible runner's). */
export interface ContractRunner {
  readonly describe: (name: string, body: () => void) => void;
  readonly test: (name: string, body: () => Promise<void>) => void;
  readonly expect: (value: unknown) => {
    toBe: (expected: unknown) => void;
    toEqual: (expected: unknown) => void;
    toBeUndefined: () => void;
  };
}

/** Options of {@link testStoreContract}. */
export interface ContractOptions {
  /** Waits `ms` of store time (real time for a server-backed store; a test clock for memory). */
  readonly wait: (ms: number) => Promise<void>;
}

/**
 * The behaviour every {@link KeyValueStore} driver must have, as a test suite
 * a driver package runs against its own store (e.g. a Redis one).
 *
 * @example
 * import { describe, expect, test } from 'vitest';
 * testStoreContract('redis', () => redisStore({ url }), { describe, test, expect }, { wait: (ms) => sleep(ms) });
 */
export const testStoreContract = (
  name: string,
  create: () => KeyValueStore | Promise<KeyValueStore>,
  { describe, test, expect }: ContractRunner,
  options: ContractOptions,
): void => {
  const withStore = (body: (store: KeyValueStore) => Promise<void>) => async () => {
    const store = await create();
    try {
      await body(store);
    } finally {
      await store.close?.();
    }
  };
  // Keys are unique per test so a shared server-backed store needs no flushing.
  const key = (suffix: string) => `contract:${Math.random().toString(36).slice(2)}:${suffix}`;

  describe(`KeyValueStore contract: ${name}`, () => {
    test(
      'get returns what set stored, as an equal copy',
      withStore(async (store) => {
        const k = key('a');
        const value = { a: 1, b: ['x', true, null], c: { d: 'é' } };
        await store.set(k, value);
        expect(await store.get(k)).toEqual(value);
      }),
    );
    test(
      'get of a missing key is undefined',
      withStore(async (store) => {
        expect(await store.get(key('missing'))).toBeUndefined();
      }),
    );
    test(
      'set replaces the value and its TTL',
      withStore(async (store) => {
        const k = key('replace');
        await store.set(k, 'one', { ttlMs: 50 });
        await store.set(k, 'two');
        await options.wait(120);
        expect(await store.get(k)).toBe('two');
      }),
    );
    test(
      'an entry is gone once its TTL passes',
      withStore(async (store) => {
        const k = key('ttl');
        await store.set(k, 42, { ttlMs: 50 });
        expect(await store.get(k)).toBe(42);
        await options.wait(120);
        expect(await store.get(k)).toBeUndefined();
        expect(await store.take(k)).toBeUndefined();
      }),
    );
    test(
      'delete removes a key, and deleting a missing key is fine',
      withStore(async (store) => {
        const k = key('del');
        await store.set(k, 'x');
        await store.delete(k);
        await store.delete(k);
        expect(await store.get(k)).toBeUndefined();
      }),
    );
    test(
      'take returns the value once',
      withStore(async (store) => {
        const k = key('take');
        await store.set(k, { code: 'c' });
        expect(await store.take(k)).toEqual({ code: 'c' });
        expect(await store.take(k)).toBeUndefined();
        expect(await store.get(k)).toBeUndefined();
      }),
    );
    test(
      'of concurrent takes only one gets the value',
      withStore(async (store) => {
        const k = key('race');
        await store.set(k, 'once');
        const results = await Promise.all(Array.from({ length: 20 }, () => store.take(k)));
        expect(results.filter((r) => r !== undefined)).toEqual(['once']);
      }),
    );
    test(
      'a returned value is a copy: changing it does not change the store',
      withStore(async (store) => {
        const k = key('copy');
        await store.set(k, { list: [1] });
        const read = (await store.get<{ list: number[] }>(k)) as { list: number[] };
        read.list.push(2);
        expect(await store.get(k)).toEqual({ list: [1] });
      }),
    );
  });
};
