import { describe, expect, test } from 'vitest';
import { changingProvider } from '../../test/changing-provider.js';
import {
  type AuthInfo,
  type ContextInput,
  compose,
  createServer,
  createTestContext,
  encodeMessage,
  type Middleware,
  mount,
  resource,
  type Tool,
  tool,
} from '../index.js';

const info = { name: 'pages', version: '1' };
const t = (name: string, options: Partial<Parameters<typeof tool>[0]> = {}) =>
  tool({ name, run: () => name, ...options });

let nextId = 0;
const list = async (server: ReturnType<typeof createServer>, method: string, cursor?: string, ctx?: ContextInput) => {
  const response = await server.handle({ jsonrpc: '2.0', id: ++nextId, method, params: cursor ? { cursor } : {} }, ctx);
  if (!('result' in response)) throw new Error(JSON.stringify(response));
  return response.result as Record<string, unknown>;
};
const names = (result: Record<string, unknown>, key = 'tools') =>
  (result[key] as { name?: string; uri?: string }[]).map((item) => item.name ?? item.uri);

describe('list pages of a server whose lists do not change', () => {
  test('are made once and served as the same frozen result', async () => {
    const server = createServer(info, [t('a'), t('b')]);
    const first = await list(server, 'tools/list');
    expect(names(first)).toEqual(['a', 'b']);
    expect(await list(server, 'tools/list')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tools)).toBe(true);
    expect(() => (first.tools as Tool[]).push({ name: 'x' } as Tool)).toThrow(TypeError);
    expect(names(await list(server, 'tools/list'))).toEqual(['a', 'b']);
    const statics = await list(server, 'prompts/list');
    expect(await list(server, 'prompts/list')).toBe(statics);
  });

  test('each page a cursor reaches is kept; pages add up to the whole list', async () => {
    const server = createServer(
      info,
      'abcde'.split('').map((n) => t(n)),
      { pageSize: 2 },
    );
    const seen: string[] = [];
    const pages: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(server, 'tools/list', cursor);
      expect(await list(server, 'tools/list', cursor)).toBe(page);
      expect(encodeMessage(page)).toBe(JSON.stringify(page));
      pages.push(page);
      seen.push(...(names(page) as string[]));
      cursor = page.nextCursor as string | undefined;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pages.map((p) => p.nextCursor === undefined)).toEqual([false, false, true]);
    // A hand-made cursor into the middle of a page still gets the right items.
    expect(names(await list(server, 'tools/list', btoa('mcpkit:1')))).toEqual(['b', 'c']);
    expect(names(await list(server, 'tools/list', btoa('mcpkit:9')))).toEqual([]);
    const bad = await server.handle({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'nope' } });
    expect(bad).toMatchObject({ error: { code: -32602, message: expect.stringMatching(/Invalid cursor/) } });
  });

  test('a session that hides components gets its own list, and the full one again once it hides none', async () => {
    const server = createServer(info, [
      t('a', { tags: ['beta'] }),
      t('b'),
      resource({ uri: 'data://x', read: () => 'x' }),
    ]);
    const full = await list(server, 'tools/list');
    const ctx = createTestContext();
    ctx.session.disable({ tags: ['beta'] });
    expect(names(await list(server, 'tools/list', undefined, ctx))).toEqual(['b']);
    ctx.session.disable({ names: ['data://x'] });
    expect(names(await list(server, 'resources/list', undefined, ctx), 'resources')).toEqual([]);
    ctx.session.enable({ tags: ['beta'] });
    expect(names(await list(server, 'tools/list', undefined, ctx))).toEqual(['a', 'b']);
    expect(names(await list(server, 'tools/list'))).toEqual(['a', 'b']);
    expect(await list(server, 'tools/list')).toBe(full);
    expect(names(await list(server, 'resources/list'), 'resources')).toEqual(['data://x']);
  });

  test('access rules decide per request who sees what', async () => {
    const user = (scopes: string[]): AuthInfo => ({ subject: 'u', scopes, claims: {} });
    const server = createServer(info, [t('open'), t('admin', { requires: { scopes: ['admin'] } })]);
    for (let round = 0; round < 2; round++) {
      expect(names(await list(server, 'tools/list'))).toEqual(['open']);
      expect(names(await list(server, 'tools/list', undefined, { auth: user(['admin']) }))).toEqual(['open', 'admin']);
      expect(names(await list(server, 'tools/list', undefined, { auth: user(['read']) }))).toEqual(['open']);
    }
  });

  test('a mounted provider that changes is listed afresh', async () => {
    const { provider, grow, announce } = changingProvider();
    const server = createServer(info, [t('local'), mount(provider, { namespace: 'live' })]);
    const changes: string[] = [];
    const stop = server.onListChanged((kind) => changes.push(kind));
    expect(names(await list(server, 'tools/list'))).toEqual(['local', 'live_v1']);
    grow();
    announce();
    expect(changes).toEqual(['tools']);
    expect(names(await list(server, 'tools/list'))).toEqual(['local', 'live_v1', 'live_v2']);
    grow();
    expect(names(await list(server, 'tools/list'))).toEqual(['local', 'live_v1', 'live_v2', 'live_v3']);
    stop();
  });

  test('resources listed by a template are asked for on every list', async () => {
    let ids = ['1'];
    const server = createServer(info, [
      resource({ uri: 'data://static', read: () => 's' }),
      resource({ uri: 'item://{id}', list: () => ids.map((id) => ({ params: { id } })), read: ({ id }) => id }),
    ]);
    expect(names(await list(server, 'resources/list'), 'resources')).toEqual(['data://static', 'item://1']);
    ids = ['1', '2'];
    expect(names(await list(server, 'resources/list'), 'resources')).toEqual(['data://static', 'item://1', 'item://2']);
  });

  test('server middleware gets a copy it may change without changing later answers', async () => {
    const vandal: Middleware = async (_request, _ctx, next) => {
      const result = await next();
      if (Array.isArray(result.tools)) result.tools.push({ name: 'injected', inputSchema: { type: 'object' } });
      result._meta = { touched: true };
      return result;
    };
    const server = createServer(info, [t('a')], { middleware: [vandal] });
    for (let round = 0; round < 3; round++) {
      const result = await list(server, 'tools/list');
      expect(names(result)).toEqual(['a', 'injected']);
      expect(encodeMessage(result)).toBe(JSON.stringify(result));
    }
  });

  test('module middleware sees and shapes its own items on every list', async () => {
    let hidden = 'x';
    const hide: Middleware = async (_request, _ctx, next) => {
      const result = await next();
      return Array.isArray(result.tools)
        ? { ...result, tools: (result.tools as Tool[]).filter((item) => item.name !== `m_${hidden}`) }
        : result;
    };
    const server = createServer(info, [t('local'), ...compose({ namespace: 'm', middleware: [hide] }, t('x'), t('y'))]);
    expect(names(await list(server, 'tools/list'))).toEqual(['local', 'm_y']);
    hidden = 'y';
    expect(names(await list(server, 'tools/list'))).toEqual(['local', 'm_x']);
  });
});
