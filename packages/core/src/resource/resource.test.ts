import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, DefinitionError, ErrorCode, ProtocolError, resource, resourceContents } from '../index.js';

const serve = (...components: Parameters<typeof createServer>[1]) =>
  createServer({ name: 't', version: '1' }, components);

describe('resource()', () => {
  test('a URI without expressions declares a static resource', () => {
    const config = resource({ uri: 'data://config', description: 'App config', read: () => ({}) });
    expect(config).toMatchObject({
      kind: 'resource',
      uri: 'data://config',
      name: 'data://config',
      description: 'App config',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('a URI with expressions declares a template', () => {
    const profile = resource({ uri: 'users://{id}/profile', name: 'profile', read: ({ id }) => id });
    expect(profile).toMatchObject({ kind: 'resourceTemplate', uriTemplate: 'users://{id}/profile', variables: ['id'] });
  });

  test('construction fails early, naming the resource', () => {
    expect(() => resource({ uri: 'config', read: () => 1 })).toThrow(/Resource URI 'config' needs a scheme/);
    expect(() =>
      resource({ uri: 'users://{id}', params: v.object({ id: v.string(), extra: v.string() }), read: () => 1 }),
    ).toThrow(/params extra are not in the URI/);
    expect(() =>
      resource({ uri: 'users://{id}/{tab}', params: v.object({ id: v.string() }) as never, read: () => 1 }),
    ).toThrow(/params schema lacks tab/);
    expect(() => resource({ uri: 'users://{id}', params: v.string() as never, read: () => 1 })).toThrow(
      /must be an object schema/,
    );
    expect(() => resource({ uri: 'data://x', params: v.object({}), read: () => 1 } as never)).toThrow(DefinitionError);
    expect(() => resource({ uri: 'users://{id}', complete: { nope: () => [] } as never, read: () => 1 })).toThrow(
      /cannot complete unknown variable 'nope'/,
    );
  });
});

describe('resources/read', () => {
  test('a string is text/plain, an object JSON, bytes a base64 blob; mimeType overrides', async () => {
    const server = serve(
      resource({ uri: 'data://text', read: () => 'hello' }),
      resource({ uri: 'data://json', read: () => ({ theme: 'dark' }) }),
      resource({ uri: 'data://bin', read: () => new Uint8Array([0, 255]) }),
      resource({ uri: 'data://md', mimeType: 'text/markdown', read: () => '# hi' }),
    );
    expect(await server.readResource('data://text')).toEqual({
      contents: [{ uri: 'data://text', mimeType: 'text/plain', text: 'hello' }],
    });
    expect(await server.readResource('data://json')).toEqual({
      contents: [{ uri: 'data://json', mimeType: 'application/json', text: '{"theme":"dark"}' }],
    });
    expect(await server.readResource('data://bin')).toEqual({
      contents: [{ uri: 'data://bin', mimeType: 'application/octet-stream', blob: 'AP8=' }],
    });
    expect((await server.readResource('data://md')).contents[0]).toMatchObject({ mimeType: 'text/markdown' });
  });

  test('explicit contents are returned as given, with the URI filled in', async () => {
    const server = serve(
      resource({
        uri: 'data://many',
        read: () =>
          resourceContents({ text: 'a', mimeType: 'text/csv' }, { uri: 'data://many#2', blob: new Uint8Array([1]) }),
      }),
    );
    expect(await server.readResource('data://many')).toEqual({
      contents: [
        { uri: 'data://many', mimeType: 'text/csv', text: 'a' },
        { uri: 'data://many#2', blob: 'AQ==' },
      ],
    });
  });

  test('template values are decoded, coerced and validated by params', async () => {
    const server = serve(
      resource({
        uri: 'orders://{id}{?expand}',
        params: v.object({ id: v.pipe(v.number(), v.integer()), expand: v.optional(v.boolean(), false) }),
        read: ({ id, expand }) => ({ id, expand }),
      }),
    );
    expect(
      JSON.parse(((await server.readResource('orders://12?expand=true')).contents[0] as { text: string }).text),
    ).toEqual({
      id: 12,
      expand: true,
    });
    const bad = await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'resources/read',
      params: { uri: 'orders://1.5' },
    });
    expect(bad).toMatchObject({
      error: {
        code: ErrorCode.InvalidParams,
        message: expect.stringMatching(/^Invalid parameters for resource 'orders:\/\/1.5': id:/),
      },
    });
  });

  test('templates without params receive decoded strings', async () => {
    const server = serve(resource({ uri: 'files://{path*}', read: ({ path }) => `read ${path}` }));
    expect((await server.readResource('files://a/b%20c.txt')).contents[0]).toMatchObject({ text: 'read a/b c.txt' });
  });

  test('exact URIs match before templates; templates match in order', async () => {
    const server = serve(
      resource({ uri: 'users://{id}', read: ({ id }) => `template ${id}` }),
      resource({ uri: 'users://{name}', name: 'second', read: () => 'never' }),
      resource({ uri: 'users://me', read: () => 'exact' }),
    );
    expect((await server.readResource('users://me')).contents[0]).toMatchObject({ text: 'exact' });
    expect((await server.readResource('users://7')).contents[0]).toMatchObject({ text: 'template 7' });
  });

  test('a template whose params reject the value falls through to the next one', async () => {
    const server = serve(
      resource({
        uri: 'items://{id}',
        name: 'numeric',
        params: v.object({ id: v.number() }),
        read: ({ id }) => `n${id}`,
      }),
      resource({ uri: 'items://{slug}', name: 'slug', read: ({ slug }) => `s${slug}` }),
    );
    expect((await server.readResource('items://42')).contents[0]).toMatchObject({ text: 'n42' });
    expect((await server.readResource('items://abc')).contents[0]).toMatchObject({ text: 'sabc' });
  });

  test('an unknown URI is JSON-RPC error -32002 carrying the URI', async () => {
    const server = serve(resource({ uri: 'data://a', read: () => 'a' }));
    const response = await server.handle({
      jsonrpc: '2.0',
      id: 3,
      method: 'resources/read',
      params: { uri: 'data://b' },
    });
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32002, message: 'Resource not found: data://b', data: { uri: 'data://b' } },
    });
    await expect(server.readResource('data://b')).rejects.toBeInstanceOf(ProtocolError);
    const noUri = await server.handle({ jsonrpc: '2.0', id: 4, method: 'resources/read', params: {} });
    expect(noUri).toMatchObject({ error: { code: -32602 } });
  });

  test('a failing read is an internal error; masked when asked', async () => {
    const failing = resource({
      uri: 'data://fail',
      read: () => {
        throw new Error('disk on fire');
      },
    });
    const open = await serve(failing).handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'resources/read',
      params: { uri: 'data://fail' },
    });
    expect(open).toMatchObject({
      error: { code: -32603, message: "Error reading resource 'data://fail': disk on fire" },
    });
    const masked = createServer({ name: 't', version: '1' }, [failing], { maskErrorDetails: true });
    const hidden = await masked.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'resources/read',
      params: { uri: 'data://fail' },
    });
    expect(hidden).toMatchObject({ error: { code: -32603, message: "Error reading resource 'data://fail'" } });
  });
});

describe('resources/list and templates/list', () => {
  test('static resources, then what templates enumerate, expanded from their params', async () => {
    const server = serve(
      resource({ uri: 'data://config', name: 'config', mimeType: 'application/json', read: () => ({}) }),
      resource({
        uri: 'users://{id}/profile',
        name: 'profile',
        description: 'A user profile',
        list: () => [{ params: { id: 'a b' }, name: 'Alice' }, { params: { id: '2' } }],
        read: ({ id }) => id,
      }),
    );
    expect(await server.listResources()).toEqual([
      { uri: 'data://config', name: 'config', mimeType: 'application/json' },
      { uri: 'users://a%20b/profile', name: 'Alice' },
      { uri: 'users://2/profile', name: 'users://2/profile' },
    ]);
    expect(await server.listResourceTemplates()).toEqual([
      { uriTemplate: 'users://{id}/profile', name: 'profile', description: 'A user profile' },
    ]);
  });
});
