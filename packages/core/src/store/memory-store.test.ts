import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory-store.js';
import { storeContract } from './store-contract.js';

storeContract('memory', { create: () => createMemoryStore() });

describe('createMemoryStore', () => {
  it('reads expiry from the injected clock', async () => {
    let now = 1000;
    const store = createMemoryStore({ now: () => now });
    await store.set('k', 'v', { ttlMs: 10 });
    now = 1009;
    expect(await store.get('k')).toBe('v');
    now = 1010;
    expect(await store.get('k')).toBeUndefined();
  });

  it('keeps instances apart', async () => {
    const a = createMemoryStore();
    const b = createMemoryStore();
    await a.set('k', 'v');
    expect(await b.get('k')).toBeUndefined();
  });
});
