import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createServer, customMethod, DefinitionError } from '../index.js';

const info = { name: 'ext', version: '1' };
const request = (method: string, params?: unknown) =>
  ({ jsonrpc: '2.0', id: 1, method, params }) as Parameters<ReturnType<typeof createServer>['handle']>[0];

describe('extensions and custom methods', () => {
  it('advertises extensions as capabilities.extensions, and no key without them', () => {
    expect(createServer(info, [], { extensions: { 'com.example/a': {} } }).capabilities.extensions).toEqual({
      'com.example/a': {},
    });
    expect(createServer(info, []).capabilities).not.toHaveProperty('extensions');
  });

  it.each([['nope'], ['/name'], ['com.example/'], ['1com/x'], ['com..example/x']])(
    'refuses the identifier %j',
    (id) => {
      expect(() => createServer(info, [], { extensions: { [id]: {} } })).toThrow(DefinitionError);
    },
  );

  it('refuses settings that are not an object', () => {
    expect(() => createServer(info, [], { extensions: { 'com.example/a': true as never } })).toThrow(/settings/);
  });

  it('refuses custom methods that shadow built-in ones, notifications and bad values', () => {
    for (const name of ['tools/call', 'initialize', 'server/discover', 'subscriptions/listen']) {
      expect(() => createServer(info, [], { methods: { [name]: () => ({}) } })).toThrow(/already answers/);
    }
    expect(() => createServer(info, [], { methods: { 'notifications/x': () => ({}) } })).toThrow(DefinitionError);
    expect(() => createServer(info, [], { methods: { 'a/b': {} as never } })).toThrow(DefinitionError);
    expect(() => customMethod({} as never)).toThrow(DefinitionError);
  });

  it('validates params without _meta and answers results through handle()', async () => {
    const server = createServer(info, [], {
      methods: {
        'com.example/sum': customMethod({
          params: v.strictObject({ a: v.number(), b: v.number() }),
          handler: ({ a, b }, ctx) => ({ sum: a + b, trace: ctx.meta?.trace ?? null }),
        }),
        'com.example/bad': () => 42 as never,
      },
    });
    expect(server.hasMethod('com.example/sum')).toBe(true);
    expect(server.hasMethod('com.example/sum', 'modern')).toBe(true);
    expect(await server.handle(request('com.example/sum', { a: 1, b: 2, _meta: { trace: 't' } }))).toMatchObject({
      result: { sum: 3, trace: 't' },
    });
    expect(await server.handle(request('com.example/sum', { a: 'x' }))).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/a: .*b: /) },
    });
    expect(await server.handle(request('com.example/sum', [1, 2]))).toMatchObject({ error: { code: -32602 } });
    expect(await server.handle(request('com.example/bad'))).toMatchObject({
      error: { code: -32603, message: expect.stringContaining('must return an object') },
    });
    expect(await server.handle(request('com.example/other'))).toMatchObject({ error: { code: -32601 } });
  });
});
