import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  createMemoryStore,
  createServer,
  createTestContext,
  rateLimit,
  type Store,
  StoreUnavailableError,
  tool,
} from '../../index.js';

const info = { name: 't', version: '1' };
const echo = tool({ name: 'echo', input: v.object({ s: v.string() }), run: ({ s }) => s });
const request = (method: string) => ({ jsonrpc: '2.0' as const, id: 1, method, params: {} });

/** Two servers (two instances) limited through one store. */
const instances = (store: Store, now: () => number, extra: Partial<Parameters<typeof rateLimit>[0]> = {}) =>
  [1, 2].map(() =>
    createServer(info, [echo], { middleware: [rateLimit({ capacity: 3, refillPerSecond: 1, now, store, ...extra })] }),
  );

/** A store whose backend is down: every call rejects as a Redis driver's would. */
const downStore = (): Store => {
  const down = async () => {
    throw new StoreUnavailableError('Redis is unavailable: the connection is reconnecting', 500);
  };
  return { ...createMemoryStore(), get: down, set: down, increment: down, publish: down, subscribe: down };
};

describe('rateLimit({ store })', () => {
  test('counts across instances in fixed windows of capacity / refillPerSecond', async () => {
    let now = 10_000;
    const [a, b] = instances(createMemoryStore(), () => now);
    const ctx = createTestContext({ sessionId: 's' });
    expect(await a?.handle(request('tools/list'), ctx)).toHaveProperty('result');
    expect(await b?.handle(request('tools/list'), ctx)).toHaveProperty('result');
    expect(await a?.handle(request('tools/list'), ctx)).toHaveProperty('result');
    now = 11_500;
    // The window is 3 s (12 000 to 15 000 is the next one): the fourth request of this one waits for it.
    expect(await b?.handle(request('tools/list'), ctx)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32000, message: 'Rate limit exceeded: retry after 500 ms', data: { retryAfterMs: 500 } },
    });
    expect(await a?.handle(request('tools/list'), createTestContext({ sessionId: 'other' }))).toHaveProperty('result');
    expect(await a?.handle(request('ping'), ctx)).toHaveProperty('result');
    now = 12_000;
    expect(await b?.handle(request('tools/list'), ctx)).toHaveProperty('result');
  });

  test('keeps limiters sharing a store apart by storeName', async () => {
    const store = createMemoryStore();
    const now = () => 0;
    const [a] = instances(store, now, { capacity: 1, storeName: 'one' });
    const [b] = instances(store, now, { capacity: 1, storeName: 'two' });
    expect(await a?.handle(request('tools/list'))).toHaveProperty('result');
    expect(await b?.handle(request('tools/list'))).toHaveProperty('result');
    expect(await a?.handle(request('tools/list'))).toHaveProperty('error');
  });

  test('fails the request with the store error by default when the store is down', async () => {
    const [a] = instances(downStore(), () => 0);
    expect(await a?.handle(request('tools/list'))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32603, message: 'Redis is unavailable: the connection is reconnecting' },
    });
    expect(await a?.handle(request('ping'))).toHaveProperty('result');
  });

  test("lets requests through unlimited while the store is down with onStoreError: 'allow'", async () => {
    const [a] = instances(downStore(), () => 0, { capacity: 1, onStoreError: 'allow' });
    for (let i = 0; i < 5; i++) expect(await a?.handle(request('tools/list'))).toHaveProperty('result');
    expect(() => rateLimit({ capacity: 1, refillPerSecond: 1, onStoreError: 'ignore' as unknown as 'allow' })).toThrow(
      /onStoreError/,
    );
  });
});
