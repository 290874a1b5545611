/**
 * What operations become, seen through a real MCP client: route maps
 * (method, path pattern, tag, operationId, custom function), resources and
 * templates read over the wire, names (operationId, sanitised, deduplicated,
 * overridden), and the provider mounted with a namespace, transforms and
 * mount-scoped middleware.
 */
import { type Middleware, mount } from '@mcpkit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { openapi, RESOURCE_ROUTES } from '../src/index.js';
import { createCleanup, firstText, petSetup, serveAndConnect, startPetApi } from './helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

describe('route maps', () => {
  test('by default every operation is a tool, with HTTP semantics as annotations', async () => {
    const { client, provider } = await petSetup(cleanup);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(provider.routes.length);
    expect((await client.listResources()).resources).toEqual([]);
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('pets_getPet')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get('pets_deletePet')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(byName.get('pets_createPet')?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(byName.get('pets_getPet')?.description).toBe('Get a pet\n\nOne pet by id.');
    expect(byName.get('pets_getPet')?.title).toBe('Get a pet');
  });

  test('RESOURCE_ROUTES: GET without path parameters is a resource, GET with them a template, read over the wire', async () => {
    const { client } = await petSetup(cleanup, { routeMaps: RESOURCE_ROUTES });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).not.toContain('pets_listPets');
    expect(tools.map((t) => t.name)).toContain('pets_createPet');
    const { resources } = await client.listResources();
    expect(resources.find((r) => r.name === 'listPets')).toMatchObject({
      uri: 'openapi://pets/pets',
      mimeType: 'application/json',
    });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.find((t) => t.name === 'getPet')?.uriTemplate).toBe('openapi://pets/pets/{petId}');
    const list = await client.readResource({ uri: 'openapi://pets/pets' });
    expect(JSON.parse((list.contents[0] as { text: string }).text)).toHaveLength(2);
    const one = await client.readResource({ uri: 'openapi://pets/pets/2' });
    expect(one.contents[0]).toMatchObject({ uri: 'openapi://pets/pets/2', mimeType: 'application/json' });
    expect(JSON.parse((one.contents[0] as { text: string }).text)).toMatchObject({ name: 'Tom' });
    // A 404 from the API is "resource not found".
    await expect(client.readResource({ uri: 'openapi://pets/pets/99' })).rejects.toThrow(/-32002/);
    const text = await client.readResource({ uri: 'openapi://pets/report' });
    expect(text.contents[0]).toMatchObject({ mimeType: 'text/plain', text: 'all pets are fine' });
    const logo = await client.readResource({ uri: 'openapi://pets/logo' });
    expect(logo.contents[0]).toMatchObject({
      mimeType: 'image/png',
      blob: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64'),
    });
  });

  test('rules match by method, pattern, tag and operationId; the first match wins; exclude drops', async () => {
    const { client, provider } = await petSetup(cleanup, {
      routeMaps: [
        { tags: ['styles'], type: 'exclude' },
        { operationIds: ['whoami', 'broken'], type: 'exclude' },
        { methods: ['DELETE'], type: 'exclude' },
        { pattern: '^/stats/', methods: '*', type: 'resource', mcpTags: ['stats'] },
        { methods: ['get'], pattern: /\{petId\}/, type: 'resourceTemplate' },
        // A POST cannot be a resource: it stays a tool.
        { operationIds: ['createPet'], type: 'resource' },
      ],
    });
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(
      ['createPet', 'listPets', 'logo', 'report', 'slow', 'submitForm', 'updateThing', 'uploadFile'].map(
        (n) => `pets_${n}`,
      ),
    );
    const resources = (await client.listResources()).resources.map((r) => r.uri).sort();
    expect(resources).toEqual(['openapi://pets/stats/daily', 'openapi://pets/stats/weekly']);
    expect((await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'openapi://pets/pets/{petId}',
    ]);
    expect(
      provider.routes
        .filter((r) => r.type === 'exclude')
        .map((r) => r.operationId)
        .sort(),
    ).toEqual([
      'allowReserved',
      'broken',
      'deepObject',
      'deletePet',
      'formExploded',
      'formFlat',
      'pipeDelimited',
      'spaceDelimited',
      'whoami',
    ]);
    const weekly = await client.readResource({ uri: 'openapi://pets/stats/weekly' });
    expect(JSON.parse((weekly.contents[0] as { text: string }).text)).toEqual({ weekly: true });
    const stats = provider.components.filter((c) => c.tags.includes('stats'));
    expect(stats).toHaveLength(2);
  });

  test('a routeMap function has the last word', async () => {
    const { provider } = await petSetup(cleanup, {
      routeMaps: RESOURCE_ROUTES,
      routeMap: (op, type) =>
        op.path === '/pets' && op.method === 'get' ? 'tool' : type === 'tool' ? 'exclude' : undefined,
    });
    expect(provider.routes.filter((r) => r.type === 'tool').map((r) => r.name)).toEqual(['listPets']);
    expect(provider.routes.find((r) => r.operationId === 'getPet')?.type).toBe('resourceTemplate');
  });

  test('query parameters of a template are an optional {?query}', async () => {
    const api = await startPetApi(cleanup);
    const provider = await openapi(api.document, {
      baseUrl: api.url,
      routeMaps: [{ operationIds: ['updateThing'], type: 'resourceTemplate' }, { type: 'exclude' }],
    });
    // updateThing is a PUT: it cannot be a template, so it stays a tool; everything else is left out.
    expect(provider.routes.filter((r) => r.type !== 'exclude').map((r) => [r.name, r.type])).toEqual([
      ['updateThing', 'tool'],
    ]);
    const reads = await openapi(api.document, {
      baseUrl: api.url,
      routeMaps: [{ methods: ['GET'], pattern: '^/pets/', type: 'resourceTemplate' }, { type: 'exclude' }],
    });
    expect(reads.routes.find((r) => r.operationId === 'getPet')?.uri).toBe('openapi://pets/{petId}');
  });
});

test('a template read sends its path variables and its optional query to the API', async () => {
  const api = await startPetApi(cleanup);
  const seen: string[] = [];
  const paths = api.document.paths as Record<string, Record<string, { parameters?: unknown[] }>>;
  const getPet = paths['/pets/{petId}']?.get as { parameters: unknown[] };
  // The same operation, documented with one more (optional) query parameter, named so it needs a variable of its own.
  const document = {
    ...api.document,
    paths: {
      '/pets/{petId}': {
        get: {
          ...getPet,
          parameters: [...getPet.parameters, { name: 'with-tags', in: 'query', schema: { type: 'boolean' } }],
        },
      },
    },
  };
  const provider = await openapi(document, {
    baseUrl: api.url,
    routeMaps: RESOURCE_ROUTES,
    fetch: (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    },
  });
  const client = await serveAndConnect(cleanup, [mount(provider)]);
  const { resourceTemplates } = await client.listResourceTemplates();
  expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['openapi://pets/{petId}{?with_tags}']);
  const read = await client.readResource({ uri: 'openapi://pets/1?with_tags=true' });
  expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ name: 'Rex' });
  await client.readResource({ uri: 'openapi://pets/2' });
  expect(seen).toEqual([`${api.url}/pets/1?with-tags=true`, `${api.url}/pets/2`]);
});

describe('base URLs', () => {
  const report = (servers?: unknown[], opServers?: unknown[]) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    ...(servers && { servers }),
    paths: {
      '/report': {
        get: {
          operationId: 'report',
          ...(opServers && { servers: opServers }),
          responses: { 200: { description: 'ok' } },
        },
      },
    },
  });

  test("the first server with its variables filled in; an operation's own servers win; baseUrl wins over both", async () => {
    const api = await startPetApi(cleanup);
    const port = new URL(api.url).port;
    const templated = await openapi(
      report([{ url: 'http://{host}:{port}', variables: { host: { default: '127.0.0.1' }, port: { default: port } } }]),
    );
    expect(firstText(await templated.callTool('report', {}))).toBe('all pets are fine');
    const own = await openapi(report([{ url: 'http://127.0.0.1:1' }], [{ url: api.url }]));
    expect(firstText(await own.callTool('report', {}))).toBe('all pets are fine');
    const configured = await openapi(report([{ url: 'http://127.0.0.1:1' }], [{ url: 'http://127.0.0.1:2' }]), {
      baseUrl: api.url,
    });
    expect(firstText(await configured.callTool('report', {}))).toBe('all pets are fine');
  });

  test('a document with only a relative server and no baseUrl loads with a warning; its calls say what to configure', async () => {
    const provider = await openapi(report([{ url: '/v1' }]));
    expect(provider.warnings).toEqual(['GET /report: no absolute server URL in the document; pass baseUrl']);
    const result = await provider.callTool('report', {});
    expect(result).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/pass baseUrl to openapi\(\)$/) }],
    });
  });
});

test('outputSchemas: false advertises none, and JSON results stay text plus structured content for objects', async () => {
  const { client } = await petSetup(cleanup, { outputSchemas: false });
  const { tools } = await client.listTools();
  expect(tools.filter((t) => t.outputSchema)).toEqual([]);
  const list = await client.callTool({ name: 'pets_listPets', arguments: { limit: 1 } });
  expect(list.structuredContent).toBeUndefined();
  expect(JSON.parse(firstText(list))).toHaveLength(1);
  const one = await client.callTool({ name: 'pets_getPet', arguments: { petId: 1 } });
  expect(one.structuredContent).toMatchObject({ name: 'Rex' });
});

describe('names', () => {
  test('operationIds are used, sanitised and deduplicated; operations without one are named by method and path', async () => {
    const { provider } = await petSetup(cleanup);
    const names = provider.routes.map((r) => r.name);
    expect(names).toContain('get_stats_daily');
    // 'listPets!' sanitises to listPets, which is taken: it gets a suffix.
    expect(provider.routes.find((r) => r.path === '/stats/weekly')?.name).toBe('listPets_2');
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
  });

  test('names are overridable by operationId or METHOD /path', async () => {
    const { client } = await petSetup(cleanup, {
      names: { getPet: 'fetch_pet', 'GET /stats/daily': 'daily_stats' },
    });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('pets_fetch_pet');
    expect(names).toContain('pets_daily_stats');
    const result = await client.callTool({ name: 'pets_fetch_pet', arguments: { petId: 1 } });
    expect(result.structuredContent).toMatchObject({ name: 'Rex' });
  });

  test('an override that breaks the MCP name rule fails at construction', async () => {
    const api = await startPetApi(cleanup);
    await expect(openapi(api.document, { names: { getPet: 'no spaces allowed' } })).rejects.toThrow(/invalid/);
  });
});

describe('mounting', () => {
  test('mounted providers are namespaced, transformable and keep their own middleware', async () => {
    const api = await startPetApi(cleanup);
    const seen: string[] = [];
    const audit: Middleware = async (request, _ctx, next) => {
      seen.push(`${request.method} ${String(request.params.name ?? '')}`);
      return next();
    };
    const provider = await openapi(api.document, { baseUrl: api.url });
    const other = await openapi(api.document, { baseUrl: api.url });
    const client = await serveAndConnect(
      cleanup,
      [mount(provider, { namespace: 'a', middleware: [audit] }), mount(other, { namespace: 'b' })],
      {
        server: {
          transforms: { a_getPet: { name: 'pet_by_id', args: { petId: { name: 'id', description: 'The pet' } } } },
        },
      },
    );
    const result = await client.callTool({ name: 'pet_by_id', arguments: { id: 2 } });
    expect(result.structuredContent).toMatchObject({ name: 'Tom' });
    await client.callTool({ name: 'b_getPet', arguments: { petId: 1 } });
    expect(seen.filter((entry) => entry.startsWith('tools/call'))).toEqual(['tools/call a_getPet']);
  });

  test('an OpenAPI 3.1 document (as @fastify/swagger writes it) works the same', async () => {
    const api = await startPetApi(cleanup, '3.1.0');
    expect(api.document.openapi).toBe('3.1.0');
    const provider = await openapi(api.document, { baseUrl: api.url, strict: true });
    const client = await serveAndConnect(cleanup, [mount(provider)]);
    const created = await client.callTool({ name: 'createPet', arguments: { name: 'Zed', status: 'sold' } });
    expect(created.structuredContent).toMatchObject({ name: 'Zed', status: 'sold' });
    expect(firstText(await client.callTool({ name: 'report', arguments: {} }))).toBe('all pets are fine');
  });

  test('a document loaded from a URL resolves a relative server URL against it', async () => {
    const api = await startPetApi(cleanup);
    const doc = { ...api.document, servers: [{ url: '/' }] };
    const { default: http } = await import('node:http');
    const docServer = http.createServer((req, res) => {
      if (!req.url?.startsWith('/openapi.')) {
        res.statusCode = 404;
        return res.end();
      }
      const yaml = req.url.endsWith('.yaml');
      res.setHeader('content-type', yaml ? 'application/yaml' : 'application/json');
      res.end(yaml ? stringify(doc) : JSON.stringify(doc));
    });
    await new Promise<void>((resolve) => docServer.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise((resolve) => docServer.close(resolve)));
    const address = docServer.address() as { port: number };
    const provider = await openapi(`http://127.0.0.1:${address.port}/openapi.json`);
    expect(provider.warnings).toEqual([]);
    // The relative server resolves to the document's host, which serves only the document: the call reaches it.
    const result = await provider.callTool('report', {});
    expect(result).toMatchObject({ isError: true, content: [{ text: 'HTTP 404 Not Found from GET /report' }] });
    const fromYaml = await openapi(`http://127.0.0.1:${address.port}/openapi.yaml`);
    expect(fromYaml.routes).toEqual(provider.routes);
    await expect(openapi(`http://127.0.0.1:${address.port}/missing`)).rejects.toThrow(
      /^Cannot fetch http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404 Not Found$/,
    );
  });
});
