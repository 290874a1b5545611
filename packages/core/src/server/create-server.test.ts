import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { createServer, createTestContext, DefinitionError, prompt, resource, tool } from '../index.js';

const info = { name: 'demo', version: '1.0.0' };
const t = (name: string, tags: string[] = []) => tool({ name, tags, run: () => name });

describe('createServer()', () => {
  test('derives info, instructions and capabilities from what is registered', () => {
    const server = createServer({ ...info, title: 'Demo', instructions: 'Use add.' }, [t('add')]);
    expect(server.info).toEqual({ name: 'demo', version: '1.0.0', title: 'Demo' });
    expect(server.instructions).toBe('Use add.');
    expect(server.capabilities).toEqual({ logging: {}, tools: { listChanged: true } });
    const full = createServer(info, [
      resource({ uri: 'a://{x}', read: () => '' }),
      prompt({ name: 'p', render: () => '' }),
    ]);
    expect(full.capabilities).toEqual({
      logging: {},
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
  });

  test('the server and everything in it is deeply frozen', () => {
    const server = createServer(info, [t('a')]);
    expect(Object.isFrozen(server)).toBe(true);
    expect(Object.isFrozen(server.capabilities)).toBe(true);
    expect(Object.isFrozen(server.components)).toBe(true);
    expect(() => {
      (server as { handle: unknown }).handle = null;
    }).toThrow(TypeError);
  });

  test('two servers from the same components share no state', async () => {
    const counter = tool({
      name: 'count',
      run: (_a, ctx) => {
        const n = ((ctx.session.state.get('n') as number) ?? 0) + 1;
        ctx.session.state.set('n', n);
        return n;
      },
    });
    const ctxA = createTestContext();
    const a = createServer(info, [counter]);
    const b = createServer(info, [counter]);
    await a.callTool('count', {}, ctxA);
    expect((await a.callTool('count', {}, ctxA)).content).toEqual([{ type: 'text', text: '2' }]);
    expect((await b.callTool('count', {}, createTestContext())).content).toEqual([{ type: 'text', text: '1' }]);
  });

  test('needs a name and version; rejects things that are not components', () => {
    expect(() => createServer({ name: 'x' } as never, [])).toThrow(/needs info with a name and a version/);
    expect(() => createServer(info, [{ kind: 'nope' } as never])).toThrow(/not a tool, resource or prompt/);
    expect(() => createServer(info, [], { pageSize: 0 })).toThrow(/pageSize must be a positive integer/);
  });

  test('modules can be spread or nested', async () => {
    const server = createServer(info, [[t('a'), [t('b')]] as never, t('c')]);
    expect((await server.listTools()).map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('duplicates', () => {
  test('fail by default, naming the component', () => {
    expect(() => createServer(info, [t('a'), t('a')])).toThrow(DefinitionError);
    expect(() => createServer(info, [t('a'), t('a')])).toThrow(/Duplicate tool 'a'/);
    const r = resource({ uri: 'data://x', read: () => '' });
    expect(() => createServer(info, [r, r])).toThrow(/Duplicate resource 'data:\/\/x'/);
  });

  test('replace keeps the later, ignore the earlier, warn replaces and warns', async () => {
    const first = tool({ name: 'a', run: () => 'first' });
    const second = tool({ name: 'a', run: () => 'second' });
    const text = async (server: ReturnType<typeof createServer>) => (await server.callTool('a')).content;
    expect(await text(createServer(info, [first, second], { onDuplicate: 'replace' }))).toEqual([
      { type: 'text', text: 'second' },
    ]);
    expect(await text(createServer(info, [first, second], { onDuplicate: 'ignore' }))).toEqual([
      { type: 'text', text: 'first' },
    ]);
    const warn = vi.fn();
    expect(await text(createServer(info, [first, second], { onDuplicate: 'warn', warn }))).toEqual([
      { type: 'text', text: 'second' },
    ]);
    expect(warn).toHaveBeenCalledWith("Duplicate tool 'a': the later one replaces the earlier");
  });

  test('a tool and a prompt may share a name', () => {
    expect(() => createServer(info, [t('x'), prompt({ name: 'x', render: () => '' })])).not.toThrow();
  });
});

describe('tag filters', () => {
  const components = [t('pub', ['public']), t('admin', ['admin', 'public']), t('plain')];
  test('include keeps components with any of the tags; exclude wins', async () => {
    const names = async (options: Parameters<typeof createServer>[2]) =>
      (await createServer(info, components, options).listTools()).map((x) => x.name);
    expect(await names({ include: ['public'] })).toEqual(['pub', 'admin']);
    expect(await names({ exclude: ['admin'] })).toEqual(['pub', 'plain']);
    expect(await names({ include: ['public'], exclude: ['admin'] })).toEqual(['pub']);
  });

  test('a filtered-out tool cannot be called', async () => {
    const server = createServer(info, components, { exclude: ['admin'] });
    await expect(server.callTool('admin')).rejects.toThrow(/Unknown tool/);
  });
});

describe('pagination', () => {
  const server = createServer(
    info,
    Array.from({ length: 5 }, (_, i) => t(`t${i}`)),
    { pageSize: 2 },
  );
  const list = (cursor?: unknown) =>
    server.handle({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: cursor === undefined ? {} : { cursor } });

  test('lists come in pages linked by an opaque cursor', async () => {
    const names: string[] = [];
    let cursor: unknown;
    let pages = 0;
    do {
      const response = (await list(cursor)) as unknown as {
        result: { tools: { name: string }[]; nextCursor?: string };
      };
      names.push(...response.result.tools.map((x) => x.name));
      cursor = response.result.nextCursor;
      pages++;
    } while (cursor);
    expect(names).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(pages).toBe(3);
    expect((await server.listTools()).length).toBe(5);
  });

  test('an invalid cursor is -32602', async () => {
    for (const cursor of ['garbage!', btoa('mcpkit:-1'), btoa('other:2'), 42]) {
      expect(await list(cursor)).toMatchObject({ error: { code: -32602 } });
    }
  });
});

describe('handle()', () => {
  const server = createServer(info, [tool({ name: 'echo', input: v.object({ s: v.string() }), run: ({ s }) => s })]);

  test('answers ping', async () => {
    expect(await server.handle({ jsonrpc: '2.0', id: 0, method: 'ping' })).toEqual({
      jsonrpc: '2.0',
      id: 0,
      result: {},
    });
  });

  test('an unknown method is -32601; inherited property names are not methods', async () => {
    for (const method of ['nope/nothing', '__proto__', 'constructor', 'toString']) {
      expect(await server.handle({ jsonrpc: '2.0', id: 1, method })).toEqual({
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32601, message: `Method not found: ${method}` },
      });
    }
  });

  test('malformed envelopes are -32600, non-object params -32602', async () => {
    const bad = [
      null,
      'x',
      { id: 1, method: 'ping' },
      { jsonrpc: '2.0', method: 'ping' },
      { jsonrpc: '2.0', id: {}, method: 'ping' },
    ];
    for (const request of bad) {
      expect(await server.handle(request as never)).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
    }
    expect(await server.handle({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: [1] as never })).toMatchObject({
      id: 2,
      error: { code: -32602 },
    });
  });

  test('passes the request id and _meta to handlers', async () => {
    let seen: unknown;
    const spy = createServer(info, [
      tool({
        name: 'spy',
        run: (_a, ctx) => {
          seen = [ctx.requestId, ctx.meta];
        },
      }),
    ]);
    await spy.handle({
      jsonrpc: '2.0',
      id: 'r1',
      method: 'tools/call',
      params: { name: 'spy', _meta: { progressToken: 5 } },
    });
    expect(seen).toEqual(['r1', { progressToken: 5 }]);
  });
});

describe('per-session visibility', () => {
  test('disabled components vanish from lists and cannot be used', async () => {
    const server = createServer(info, [
      t('a', ['beta']),
      t('b'),
      resource({ uri: 'data://secret', tags: ['beta'], read: () => 's' }),
      prompt({ name: 'p', tags: ['beta'], render: () => '' }),
    ]);
    const ctx = createTestContext();
    ctx.session.disable({ tags: ['beta'] });
    expect((await server.listTools(ctx)).map((x) => x.name)).toEqual(['b']);
    expect(await server.listResources(ctx)).toEqual([]);
    expect(await server.listPrompts(ctx)).toEqual([]);
    await expect(server.callTool('a', {}, ctx)).rejects.toThrow(/Unknown tool/);
    await expect(server.readResource('data://secret', ctx)).rejects.toThrow(/Resource not found/);
    ctx.session.enable({ names: ['a'] });
    expect((await server.listTools(ctx)).map((x) => x.name)).toEqual(['a', 'b']);
    expect(ctx.recorded.visibility).toHaveLength(2);
    // other sessions are unaffected
    expect((await server.listTools(createTestContext())).length).toBe(2);
  });

  test('without a session, enable/disable explain what is needed', async () => {
    const toggler = tool({ name: 'toggle', run: (_a, ctx) => ctx.session.disable({ names: ['x'] }) });
    const result = await createServer(info, [toggler]).callTool('toggle');
    expect(result).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/needs a session/) }] });
  });
});
