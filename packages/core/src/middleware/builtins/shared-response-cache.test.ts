import { describe, expect, test } from 'vitest';
import {
  createMemoryStore,
  createServer,
  createTestContext,
  type Middleware,
  resource,
  responseCache,
  type Store,
  StoreUnavailableError,
  tool,
} from '../../index.js';

const info = { name: 't', version: '1' };
const request = (method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0' as const,
  id: 1,
  method,
  params,
});
const textOf = (response: unknown) =>
  (response as { result: { contents: { text: string }[] } }).result.contents[0]?.text;

/** One instance: a server with its own cache middleware over `store`, counting what really ran. */
const instance = (store: Store, options: Partial<Parameters<typeof responseCache>[0]> = {}) => {
  const runs: string[] = [];
  let reads = 0;
  const cache = responseCache({ ttlMs: 1000, store, ...options });
  const counter: Middleware = (req, _ctx, next) => {
    runs.push(`${req.method} ${String(req.params.uri ?? '')}`.trim());
    return next();
  };
  const server = createServer(
    info,
    [
      tool({ name: 'echo', run: () => 'e' }),
      resource({ uri: 'data://a', read: () => `a${++reads}` }),
      resource({ uri: 'data://big', read: () => 'x'.repeat(5000) }),
    ],
    { middleware: [cache, counter] },
  );
  return { server, cache, runs };
};

/** A store whose backend is down. */
const downStore = (): Store => {
  const down = async () => {
    throw new StoreUnavailableError('Redis is unavailable: the connection is reconnecting');
  };
  return { ...createMemoryStore(), get: down, set: down, increment: down };
};

describe('responseCache({ store })', () => {
  test('an answer computed on one instance is served by another', async () => {
    const store = createMemoryStore();
    const a = instance(store);
    const b = instance(store);
    expect(textOf(await a.server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a1');
    expect(textOf(await b.server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a1');
    await a.server.handle(request('tools/list'));
    const listed = await b.server.handle(request('tools/list'));
    expect(listed).toEqual(await a.server.handle(request('tools/list')));
    expect(a.runs).toEqual(['resources/read data://a', 'tools/list']);
    expect(b.runs).toEqual([]);
  });

  test('an invalidation on one instance makes the answers stale on all', async () => {
    const store = createMemoryStore();
    const a = instance(store);
    const b = instance(store);
    await a.server.handle(request('resources/read', { uri: 'data://a' }));
    await a.server.handle(request('tools/list'));
    await b.cache.invalidate('resources');
    expect(textOf(await a.server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a2');
    await b.server.handle(request('tools/list'));
    expect(b.runs).toEqual([]);
    await a.cache.invalidate();
    await b.server.handle(request('tools/list'));
    expect(b.runs).toEqual(['tools/list']);
  });

  test('answers expire with ttlMs on the store clock', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    const a = instance(store);
    await a.server.handle(request('tools/list'));
    now = 999;
    await a.server.handle(request('tools/list'));
    expect(a.runs).toHaveLength(1);
    now = 1000;
    await a.server.handle(request('tools/list'));
    expect(a.runs).toHaveLength(2);
  });

  test('an answer computed across an invalidation is never served', async () => {
    const store = createMemoryStore();
    let cache: ReturnType<typeof responseCache> | undefined;
    const invalidateDuring: Middleware = async (_req, _ctx, next) => {
      const result = await next();
      await cache?.invalidate('tools');
      return result;
    };
    cache = responseCache({ ttlMs: 1000, store });
    let runs = 0;
    const server = createServer(info, [tool({ name: 'echo', run: () => 'e' })], {
      middleware: [
        cache,
        invalidateDuring,
        (_r, _c, next) => {
          runs += 1;
          return next();
        },
      ],
    });
    await server.handle(request('tools/list'));
    await server.handle(request('tools/list'));
    expect(runs).toBe(2);
  });

  test('does not store answers larger than maxEntryBytes, nor for sessions with visibility rules', async () => {
    const a = instance(createMemoryStore(), { maxEntryBytes: 1000 });
    await a.server.handle(request('resources/read', { uri: 'data://big' }));
    await a.server.handle(request('resources/read', { uri: 'data://big' }));
    const hiding = createTestContext();
    hiding.session.disable({ names: ['nothing'] });
    await a.server.handle(request('tools/list'), hiding);
    await a.server.handle(request('tools/list'), hiding);
    expect(a.runs).toEqual(['resources/read data://big', 'resources/read data://big', 'tools/list', 'tools/list']);
    expect(() => responseCache({ ttlMs: 1, store: createMemoryStore(), maxEntryBytes: 0 })).toThrow(/maxEntryBytes/);
  });

  test('serves requests uncached while the store is down, and invalidate still resolves', async () => {
    const a = instance(downStore());
    expect(textOf(await a.server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a1');
    expect(textOf(await a.server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a2');
    await expect(a.cache.invalidate()).resolves.toBeUndefined();
  });
});
