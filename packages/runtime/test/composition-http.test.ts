import { compose, createServer, hooks, mount, rateLimit, resource, tool, transform } from '@mcpkit/core';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { connectHttp, createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const textOf = (result: unknown) => ((result as { content: { text: string }[] }).content[0] as { text: string }).text;

const search = tool({
  name: 'search',
  input: v.object({ q: v.string(), limit: v.number(), index: v.string() }),
  output: v.object({ hits: v.array(v.string()) }),
  run: ({ q, limit, index }) => ({ hits: [`${index}:${q}:${limit}`] }),
});

const leaf = compose(
  { namespace: 'c' },
  search,
  resource({
    uri: 'docs://{path*}',
    list: () => [{ params: { path: 'guide/intro.md' } }],
    complete: { path: (value) => ['guide/intro.md', 'guide/setup.md'].filter((p) => p.startsWith(value)) },
    read: ({ path }) => `# ${path}`,
  }),
);

describe('composition through a real transport (SDK Client over Streamable HTTP)', () => {
  it('serves a three-level composition: names, structured output, templates, list() and completions', async () => {
    const server = createServer({ name: 'three', version: '1' }, [
      ...compose({ namespace: 'a' }, compose({ namespace: 'b' }, leaf)),
    ]);
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['a_b_c_search']);
    const called = await client.callTool({ name: 'a_b_c_search', arguments: { q: 'x', limit: 2, index: 'i' } });
    expect(called.structuredContent).toEqual({ hits: ['i:x:2'] });
    const bad = await client.callTool({ name: 'a_b_c_search', arguments: { q: 1 } });
    expect(bad.isError).toBe(true);
    expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(['docs://a/b/c/guide/intro.md']);
    expect((await client.readResource({ uri: 'docs://a/b/c/guide/intro.md' })).contents[0]).toMatchObject({
      text: '# guide/intro.md',
    });
    const completion = await client.complete({
      ref: { type: 'ref/resource', uri: 'docs://a/b/c/{path*}' },
      argument: { name: 'path', value: 'guide/s' },
    });
    expect(completion.completion.values).toEqual(['guide/setup.md']);
  });

  it('serves transformed tools with hidden and renamed arguments, locally and on a mounted server', async () => {
    const findDocs = transform(search, {
      name: 'find_docs',
      args: { q: { name: 'query' }, limit: { default: 3 }, index: { hide: true, default: 'docs' } },
    });
    const archive = createServer({ name: 'archive', version: '1' }, [search]);
    const server = createServer(
      { name: 'reshaped', version: '1' },
      [findDocs, mount(archive, { namespace: 'archive' })],
      { transforms: { archive_search: { name: 'find_archived', args: { index: { hide: true, default: 'old' } } } } },
    );
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    const listed = (await client.listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(['find_docs', 'find_archived']);
    expect(listed[0]?.inputSchema).toMatchObject({
      properties: { query: {}, limit: { default: 3 } },
      required: ['query'],
    });
    expect(Object.keys(listed[0]?.inputSchema.properties ?? {})).not.toContain('index');
    expect(
      (await client.callTool({ name: 'find_docs', arguments: { query: 'setup', index: 'ignored' } })).structuredContent,
    ).toEqual({ hits: ['docs:setup:3'] });
    expect(textOf(await client.callTool({ name: 'find_archived', arguments: { q: 'y', limit: 1 } }))).toBe(
      '{"hits":["old:y:1"]}',
    );
  });
});

describe('middleware through a real transport', () => {
  it('a server rate limit reaches the client as a JSON-RPC error with retryAfterMs', async () => {
    let now = 0;
    const server = createServer({ name: 'limited', version: '1' }, [tool({ name: 'ping', run: () => 'pong' })], {
      middleware: [rateLimit({ capacity: 1, refillPerSecond: 1, now: () => now })],
    });
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    expect(textOf(await client.callTool({ name: 'ping' }))).toBe('pong');
    await expect(client.callTool({ name: 'ping' })).rejects.toMatchObject({
      code: -32000,
      data: { retryAfterMs: 1000 },
    });
    now = 1000;
    expect(textOf(await client.callTool({ name: 'ping' }))).toBe('pong');
  });

  it('module middleware shapes only its module, per user', async () => {
    const staffOnly = hooks({
      listTools: async (params, ctx, next) => {
        const result = await next(params);
        return ctx.session.state.get('staff') ? result : { ...result, tools: [] };
      },
    });
    const server = createServer({ name: 'mixed', version: '1' }, [
      tool({
        name: 'login',
        run: (_a, ctx) => {
          ctx.session.state.set('staff', true);
          ctx.session.enable({ names: ['admin_audit'] }); // tells the client its tool list changed
          return 'welcome';
        },
      }),
      ...compose({ namespace: 'admin', middleware: [staffOnly] }, tool({ name: 'audit', run: () => 'audited' })),
    ]);
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['login']);
    await client.callTool({ name: 'login' });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['login', 'admin_audit']);
  });
});
