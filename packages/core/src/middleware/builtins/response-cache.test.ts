import { describe, expect, test } from 'vitest';
import { changingProvider } from '../../../test/changing-provider.js';
import {
  type AuthInfo,
  createServer,
  createTestContext,
  DefinitionError,
  everythingEnabled,
  type Middleware,
  mount,
  prompt,
  resource,
  responseCache,
  type SessionInfo,
  tool,
} from '../../index.js';

const info = { name: 't', version: '1' };
const request = (method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0' as const,
  id: 1,
  method,
  params,
});

/** A server whose handlers count how often they really ran (the counter sits inside the cache). */
const setup = (options: Partial<Parameters<typeof responseCache>[0]> = {}) => {
  let now = 0;
  const runs: string[] = [];
  const cache = responseCache({ ttlMs: 1000, now: () => now, ...options });
  const counter: Middleware = (req, _ctx, next) => {
    runs.push(`${req.method} ${String(req.params.uri ?? req.params.cursor ?? '')}`.trim());
    return next();
  };
  let reads = 0;
  const server = createServer(
    info,
    [
      tool({ name: 'echo', run: () => 'e' }),
      tool({ name: 'admin', requires: { scopes: ['admin'] }, run: () => 'a' }),
      resource({ uri: 'data://a', read: () => `a${++reads}` }),
      resource({ uri: 'data://b', read: () => 'b' }),
      resource({ uri: 'data://c', read: () => 'c' }),
      resource({ uri: 'items://{id}', read: ({ id }) => `item ${id}` }),
      prompt({ name: 'greet', render: () => 'hi' }),
    ],
    { middleware: [cache, counter] },
  );
  return { server, cache, runs, advance: (ms: number) => (now += ms) };
};

const textOf = (response: unknown) =>
  (response as { result: { contents: { text: string }[] } }).result.contents[0]?.text;

describe('responseCache()', () => {
  test('serves lists and reads from the cache within the TTL, then asks again', async () => {
    const { server, runs, advance } = setup();
    await server.handle(request('tools/list'));
    await server.handle(request('tools/list'));
    expect(textOf(await server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a1');
    expect(textOf(await server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a1');
    await server.handle(request('resources/templates/list'));
    await server.handle(request('resources/templates/list'));
    expect(runs).toEqual(['tools/list', 'resources/read data://a', 'resources/templates/list']);
    advance(999);
    await server.handle(request('tools/list'));
    expect(runs).toHaveLength(3);
    advance(1);
    await server.handle(request('tools/list'));
    expect(textOf(await server.handle(request('resources/read', { uri: 'data://a' })))).toBe('a2');
    expect(runs).toHaveLength(5);
  });

  test('keys by params without _meta (in any key order) and by caller subject and scopes', async () => {
    const { server, runs } = setup();
    await server.handle(request('resources/read', { uri: 'data://a', _meta: { progressToken: 1 } }));
    await server.handle(request('resources/read', { _meta: { other: true }, uri: 'data://a' }));
    await server.handle(request('resources/read', { uri: 'items://1' }));
    expect(runs).toEqual(['resources/read data://a', 'resources/read items://1']);

    const as = (subject: string | undefined, scopes: string[]): AuthInfo => ({ subject, scopes, claims: {} });
    const names = async (auth?: AuthInfo) =>
      (
        (await server.handle(request('tools/list'), { auth })) as unknown as { result: { tools: { name: string }[] } }
      ).result.tools.map((t) => t.name);
    expect(await names()).toEqual(['echo']);
    expect(await names(as('ann', ['admin', 'read']))).toEqual(['echo', 'admin']);
    expect(await names(as('ann', ['read', 'admin']))).toEqual(['echo', 'admin']);
    expect(await names(as('bob', ['read']))).toEqual(['echo']);
    expect(await names(as('ann', ['admin', 'read']))).toEqual(['echo', 'admin']);
    expect(runs.filter((r) => r === 'tools/list')).toHaveLength(3);
  });

  test('requests of sessions with visibility rules bypass the cache, before and after it holds an answer', async () => {
    const { server, runs } = setup();
    const hiding = createTestContext();
    hiding.session.disable({ names: ['echo'] });
    const listed = async (ctx?: Parameters<typeof server.handle>[1]) =>
      (
        (await server.handle(request('tools/list'), ctx)) as unknown as { result: { tools: { name: string }[] } }
      ).result.tools.map((t) => t.name);
    expect(await listed(hiding)).toEqual([]);
    expect(await listed()).toEqual(['echo']);
    expect(await listed(hiding)).toEqual([]);
    expect(await listed()).toEqual(['echo']);
    expect(runs).toEqual(['tools/list', 'tools/list', 'tools/list']);
  });

  test('does not store an answer when the session gained rules while it was computed', async () => {
    let isEnabled: SessionInfo['isEnabled'] = everythingEnabled;
    const session = {
      ...createTestContext().session,
      get isEnabled() {
        return isEnabled;
      },
    } as SessionInfo;
    let hideOnce = true;
    // Stands in for a concurrent request of the same session calling disable().
    const hideDuring: Middleware = async (_req, _ctx, next) => {
      if (hideOnce) isEnabled = () => false;
      hideOnce = false;
      return next();
    };
    const server = createServer(info, [tool({ name: 'x', run: () => 'x' })], {
      middleware: [responseCache({ ttlMs: 1000, now: () => 0 }), hideDuring],
    });
    expect(await server.listTools({ session })).toEqual([]);
    isEnabled = everythingEnabled;
    expect((await server.listTools({ session })).map((t) => t.name)).toEqual(['x']);
  });

  test('never caches errors', async () => {
    let fail = true;
    const flaky = resource({
      uri: 'data://flaky',
      read: () => {
        if (fail) throw new Error('down');
        return 'up';
      },
    });
    const server = createServer(info, [flaky], { middleware: [responseCache({ ttlMs: 1000, now: () => 0 })] });
    expect(await server.handle(request('resources/read', { uri: 'data://flaky' }))).toHaveProperty('error');
    fail = false;
    expect(textOf(await server.handle(request('resources/read', { uri: 'data://flaky' })))).toBe('up');
    expect(await server.handle(request('resources/read', { uri: 'data://missing' }))).toMatchObject({
      error: { code: -32002 },
    });
  });

  test('middleware further out may change what it gets without touching the cache', async () => {
    const { cache } = setup();
    const vandal: Middleware = async (req, _ctx, next) => {
      const result = await next();
      if (req.method === 'tools/list') (result.tools as unknown[]).push({ name: 'injected', inputSchema: {} });
      if (req.method === 'resources/read') {
        const [first] = result.contents as { text: string }[];
        if (first) first.text += ' (changed)';
      }
      result._meta = { changed: true };
      return result;
    };
    const server = createServer(
      info,
      [tool({ name: 'echo', run: () => 'e' }), resource({ uri: 'data://x', read: () => 'x' })],
      { middleware: [vandal, cache] },
    );
    for (let i = 0; i < 3; i++) {
      expect((await server.listTools()).map((t) => t.name)).toEqual(['echo', 'injected']);
      expect((await server.readResource('data://x')).contents).toEqual([
        { uri: 'data://x', mimeType: 'text/plain', text: 'x (changed)' },
      ]);
    }
  });

  test('keeps at most maxEntries answers, dropping the least recently used first', async () => {
    const { server, runs } = setup({ maxEntries: 2 });
    const read = (uri: string) => server.handle(request('resources/read', { uri }));
    await read('data://a');
    await read('data://b');
    await read('data://a'); // a is now the most recently used
    await read('data://c'); // evicts b
    await read('data://a');
    await read('data://b');
    expect(runs).toEqual([
      'resources/read data://a',
      'resources/read data://b',
      'resources/read data://c',
      'resources/read data://b',
    ]);
  });

  test('invalidate(kind) drops that list (resources include reads), invalidate() everything', async () => {
    const { server, cache, runs } = setup();
    const all = async () => {
      await server.handle(request('tools/list'));
      await server.handle(request('resources/list'));
      await server.handle(request('resources/read', { uri: 'data://b' }));
      await server.handle(request('prompts/list'));
    };
    await all();
    await all();
    expect(runs).toHaveLength(4);
    cache.invalidate('resources');
    await all();
    expect(runs.slice(4)).toEqual(['resources/list', 'resources/read data://b']);
    cache.invalidate('prompts');
    cache.invalidate('tools');
    await all();
    expect(runs.slice(6)).toEqual(['tools/list', 'prompts/list']);
    cache.invalidate();
    await all();
    expect(runs).toHaveLength(12);
  });

  test('an answer computed before an invalidation is not stored after it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const cache = responseCache({ ttlMs: 1000, now: () => 0 });
    const slow: Middleware = async (_req, _ctx, next) => {
      runs++;
      if (runs === 1) await gate;
      return next();
    };
    const server = createServer(info, [tool({ name: 'echo', run: () => 'e' })], { middleware: [cache, slow] });
    const first = server.listTools();
    cache.invalidate('tools');
    release();
    await first;
    await server.listTools();
    await server.listTools();
    expect(runs).toBe(2);
  });

  test('createServer tells a server-level cache when a mounted provider’s lists change', async () => {
    const { provider, grow, announce } = changingProvider();
    const cache = responseCache({ ttlMs: 60_000, now: () => 0 });
    const server = createServer(info, [mount(provider, { namespace: 'live' })], { middleware: [cache] });
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1']);
    grow();
    // Without a list_changed event the cached list stands...
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1']);
    announce();
    // ...with one, the new tool shows at once.
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1', 'live_v2']);
  });

  test('a cache given to a mount hears that mount’s list changes', async () => {
    const { provider, grow, announce } = changingProvider();
    const cache = responseCache({ ttlMs: 60_000, now: () => 0 });
    const server = createServer(info, [mount(provider, { namespace: 'live', middleware: [cache] })]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1']);
    grow();
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1']);
    announce();
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1', 'live_v2']);
  });

  test('methods chooses what is cached; bad options fail at construction', async () => {
    const { server, runs } = setup({ methods: ['resources/read'] });
    await server.handle(request('tools/list'));
    await server.handle(request('tools/list'));
    await server.handle(request('resources/read', { uri: 'data://b' }));
    await server.handle(request('resources/read', { uri: 'data://b' }));
    expect(runs).toEqual(['tools/list', 'tools/list', 'resources/read data://b']);
    expect(() => responseCache({ ttlMs: 0 })).toThrow(DefinitionError);
    expect(() => responseCache({ ttlMs: 1, maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => responseCache({ ttlMs: 1, methods: ['tools/call' as never] })).toThrow(/tools\/call/);
  });

  test('a key returning undefined bypasses the cache; a per-session key separates sessions', async () => {
    const { server, runs } = setup({ key: (ctx) => ctx.session.id });
    const session = (id: string | undefined) => ({ ...createTestContext().session, id, isEnabled: everythingEnabled });
    await server.handle(request('prompts/list'));
    await server.handle(request('prompts/list'));
    await server.handle(request('prompts/list'), { session: session('s1') });
    await server.handle(request('prompts/list'), { session: session('s1') });
    await server.handle(request('prompts/list'), { session: session('s2') });
    expect(runs).toEqual(['prompts/list', 'prompts/list', 'prompts/list', 'prompts/list']);
  });
});
