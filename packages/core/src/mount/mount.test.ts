import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { changingProvider } from '../../test/changing-provider.js';
import {
  compose,
  createServer,
  createTestContext,
  DefinitionError,
  type ListKind,
  mount,
  prompt,
  resource,
  tool,
} from '../index.js';

const info = (name: string) => ({ name, version: '1' });

const weather = createServer(info('weather'), [
  tool({ name: 'forecast', input: v.object({ city: v.string() }), run: ({ city }) => `sunny in ${city}` }),
  resource({ uri: 'data://stations', read: () => ['oslo', 'rome'] }),
  resource({
    uri: 'stations://{id}/data',
    complete: { id: (value) => ['oslo', 'rome'].filter((s) => s.startsWith(value)) },
    read: ({ id }) => `data of ${id}`,
  }),
  prompt({
    name: 'report',
    args: v.object({ city: v.string() }),
    complete: { city: () => ['oslo'] },
    render: ({ city }) => `Report on ${city}`,
  }),
]);

describe('mount()', () => {
  test('serves a mounted server under a namespace: names, URIs, templates, prompts, completions', async () => {
    const server = createServer(info('main'), [
      tool({ name: 'local', run: () => 'l' }),
      mount(weather, { namespace: 'weather' }),
    ]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['local', 'weather_forecast']);
    expect((await server.callTool('weather_forecast', { city: 'Oslo' })).content).toEqual([
      { type: 'text', text: 'sunny in Oslo' },
    ]);
    expect((await server.listResources()).map((r) => r.uri)).toEqual(['data://weather/stations']);
    expect((await server.listResourceTemplates()).map((t) => t.uriTemplate)).toEqual(['stations://weather/{id}/data']);
    expect(await server.readResource('stations://weather/rome/data')).toEqual({
      contents: [{ uri: 'stations://weather/rome/data', mimeType: 'text/plain', text: 'data of rome' }],
    });
    expect((await server.getPrompt('weather_report', { city: 'Rome' })).messages[0]?.content).toEqual({
      type: 'text',
      text: 'Report on Rome',
    });
    expect(
      (await server.complete({ type: 'ref/prompt', name: 'weather_report' }, { name: 'city', value: '' })).values,
    ).toEqual(['oslo']);
    expect(
      (await server.complete({ type: 'ref/resource', uri: 'stations://weather/{id}/data' }, { name: 'id', value: 'r' }))
        .values,
    ).toEqual(['rome']);
    expect(server.capabilities).toMatchObject({ tools: {}, resources: {}, prompts: {}, completions: {} });
  });

  test('unknown names through a mount are still -32602 / -32002 with the outward name', async () => {
    const server = createServer(info('main'), [mount(weather, { namespace: 'weather' })]);
    const call = await server.handle({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'weather_nope' } });
    expect(call).toMatchObject({ error: { code: -32602, message: 'Unknown tool: "weather_nope"' } });
    const read = await server.handle({
      jsonrpc: '2.0',
      id: 2,
      method: 'resources/read',
      params: { uri: 'data://weather/nope' },
    });
    expect(read).toMatchObject({ error: { code: -32002, data: { uri: 'data://weather/nope' } } });
    // the mounted server's own errors (bad arguments) pass through
    const bad = await server.callTool('weather_forecast', { city: 1 });
    expect(bad.isError).toBe(true);
  });

  test('local components win over mounted ones, and earlier mounts over later ones', async () => {
    const a = createServer(info('a'), [tool({ name: 'same', run: () => 'from a' })]);
    const b = createServer(info('b'), [
      tool({ name: 'same', run: () => 'from b' }),
      tool({ name: 'only_b', run: () => 'b' }),
    ]);
    const server = createServer(info('main'), [mount(a), mount(b), tool({ name: 'local', run: () => 'l' })]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['local', 'same', 'only_b']);
    expect((await server.callTool('same')).content).toEqual([{ type: 'text', text: 'from a' }]);
    expect((await server.callTool('only_b')).content).toEqual([{ type: 'text', text: 'b' }]);
    const shadow = createServer(info('main'), [mount(a), tool({ name: 'same', run: () => 'local wins' })]);
    expect((await shadow.callTool('same')).content).toEqual([{ type: 'text', text: 'local wins' }]);
  });

  test('is live: a provider that changes is reflected at once, and its list_changed reaches the parent', async () => {
    const { provider, grow, announce, listeners } = changingProvider();
    const server = createServer(info('main'), [mount(provider, { namespace: 'live' })]);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1']);
    const heard: ListKind[] = [];
    const stop = server.onListChanged((kind) => heard.push(kind));
    expect(listeners.size).toBe(1);
    grow();
    announce();
    expect(heard).toEqual(['tools']);
    expect((await server.listTools()).map((t) => t.name)).toEqual(['live_v1', 'live_v2']);
    expect((await server.callTool('live_v2')).content).toEqual([{ type: 'text', text: 'two' }]);
    stop();
    expect(listeners.size).toBe(0);
  });

  test('three levels: compose namespaces stack on a mount, and a mounted server may mount others', async () => {
    const leaf = createServer(info('leaf'), [
      tool({ name: 'ping', run: () => 'pong' }),
      resource({ uri: 'data://x', read: () => 'x' }),
    ]);
    const middle = createServer(info('middle'), [mount(leaf, { namespace: 'leaf' })]);
    const top = createServer(info('top'), [...compose({ namespace: 'eu' }, mount(middle, { namespace: 'mid' }))]);
    expect((await top.listTools()).map((t) => t.name)).toEqual(['eu_mid_leaf_ping']);
    expect((await top.callTool('eu_mid_leaf_ping')).content).toEqual([{ type: 'text', text: 'pong' }]);
    expect((await top.listResources()).map((r) => r.uri)).toEqual(['data://eu/mid/leaf/x']);
    expect((await top.readResource('data://eu/mid/leaf/x')).contents[0]).toMatchObject({
      uri: 'data://eu/mid/leaf/x',
      text: 'x',
    });
    // list_changed travels up through every level
    const { provider, grow, announce } = changingProvider();
    const inner = createServer(info('inner'), [mount(provider)]);
    const outer = createServer(info('outer'), [mount(inner, { namespace: 'in' })]);
    const heard: ListKind[] = [];
    outer.onListChanged((kind) => heard.push(kind));
    grow();
    announce();
    expect(heard).toEqual(['tools']);
  });

  test('per-session visibility uses the outward names; a mount can require scopes', async () => {
    const server = createServer(info('main'), [
      mount(weather, { namespace: 'weather' }),
      mount(createServer(info('admin'), [tool({ name: 'reset', run: () => 'r' })]), {
        namespace: 'admin',
        requires: { scopes: ['admin'] },
      }),
    ]);
    const ctx = createTestContext();
    ctx.session.disable({ names: ['weather_forecast'] });
    expect((await server.listTools(ctx)).map((t) => t.name)).toEqual([]);
    await expect(server.callTool('weather_forecast', { city: 'x' }, ctx)).rejects.toThrow(/Unknown tool/);
    const admin = createTestContext({ auth: { subject: 'a', scopes: ['admin'], claims: {} } });
    expect((await server.listTools(admin)).map((t) => t.name)).toEqual(['weather_forecast', 'admin_reset']);
  });

  test('the mounted server sees the caller context (auth, logs)', async () => {
    const child = createServer(info('child'), [
      tool({
        name: 'who',
        run: (_a, ctx) => {
          ctx.log.info('inside the child');
          return ctx.auth?.subject ?? 'nobody';
        },
      }),
    ]);
    const server = createServer(info('main'), [mount(child)]);
    const ctx = createTestContext({ auth: { subject: 'ada', scopes: [], claims: {} } });
    expect((await server.callTool('who', {}, ctx)).content).toEqual([{ type: 'text', text: 'ada' }]);
    expect(ctx.recorded.logs).toEqual([{ level: 'info', data: 'inside the child' }]);
  });

  test('rejects what is not a provider and bad namespaces', () => {
    expect(() => mount({} as never)).toThrow(DefinitionError);
    expect(() => mount(weather, { namespace: 'no spaces' })).toThrow(/Namespace/);
  });
});

describe('server-level transforms of mounted tools', () => {
  const search = createServer(info('search'), [
    tool({
      name: 'query',
      input: v.object({ q: v.string(), limit: v.number(), index: v.string() }),
      run: ({ q, limit, index }) => `${limit} results for "${q}" in ${index}`,
    }),
  ]);
  const server = createServer(info('main'), [mount(search, { namespace: 'archive' })], {
    transforms: {
      archive_query: {
        name: 'find_reports',
        args: { q: { name: 'topic' }, limit: { default: 5 }, index: { hide: true, default: 'reports' } },
      },
    },
  });

  test('are applied at request time: the new name and schema are listed', async () => {
    const [listed] = await server.listTools();
    expect(listed?.name).toBe('find_reports');
    expect(listed?.inputSchema).toEqual({
      type: 'object',
      properties: { topic: { type: 'string' }, limit: { type: 'number', default: 5 } },
      required: ['topic'],
    });
  });

  test('calls by the new name reach the mounted tool with mapped arguments; the old name is gone', async () => {
    expect((await server.callTool('find_reports', { topic: 'storms' })).content).toEqual([
      { type: 'text', text: '5 results for "storms" in reports' },
    ]);
    await expect(server.callTool('archive_query', { q: 'x', limit: 1, index: 'y' })).rejects.toThrow(/Unknown tool/);
    // the mounted tool's own errors still come back as tool errors
    expect((await server.callTool('find_reports', { topic: 7 })).isError).toBe(true);
  });
});
