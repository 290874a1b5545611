import { describe, expect, test } from 'vitest';
import { testStoreContract } from './contract.js';
import { memoryStore } from './memory.js';

let clock = 0;
testStoreContract(
  'memory',
  () => memoryStore({ now: () => clock }),
  { describe, test, expect },
  {
    wait: async (ms) => {
      clock += ms;
    },
  },
);

describe('memoryStore limits', () => {
  test('past maxEntries the oldest entries are dropped', async () => {
    const store = memoryStore({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await store.set(k, k);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('d')).toBe('d');
    expect(await store.get('b')).toBe('b');
  });

  test('a bad maxEntries or ttl is refused', async () => {
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(TypeError);
    await expect(memoryStore().set('k', 1, { ttlMs: 0 })).rejects.toThrow(TypeError);
  });
});
