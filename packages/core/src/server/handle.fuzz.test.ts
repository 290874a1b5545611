/**
 * Property-based fuzzing of `server.handle`: whatever value arrives as a
 * request, it resolves (never throws) to one well-formed, serializable
 * JSON-RPC response that echoes the id when the id was valid, and nothing
 * leaks onto Object.prototype.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, mount, prompt, resource, tool } from '../index.js';

const server = createServer({ name: 'fuzz', version: '1.0.0' }, [
  tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text }),
  tool({ name: 'raw', description: 'Returns its unvalidated arguments', run: (args) => args }),
  tool({
    name: 'flags',
    input: v.object({ items: v.array(v.number()), admin: v.optional(v.boolean(), false) }),
    run: ({ admin }) => ({ admin }),
  }),
  resource({ uri: 'static://a', read: () => 'a' }),
  resource({ uri: 'files://{path*}', read: ({ path }) => String(path), complete: { path: () => ['x', 'y'] } }),
  prompt({ name: 'greet', args: v.object({ who: v.string() }), render: ({ who }) => `hi ${who}` }),
]);

const METHODS = [
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'initialize',
  '__proto__',
  'constructor',
];
const KEYS = [
  'name',
  'arguments',
  'uri',
  'cursor',
  'ref',
  'argument',
  '_meta',
  '__proto__',
  'constructor',
  'prototype',
];

/** Objects built with defineProperty semantics, so "__proto__" becomes an own key as JSON.parse would make it. */
const ownKeysObject = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value), { maxLength: 6 }).map(Object.fromEntries);

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), ownKeysObject(fc.jsonValue({ maxDepth: 3 })));

const params = fc.oneof(
  fc.constant(undefined),
  anyValue,
  ownKeysObject(
    fc.oneof(
      anyValue,
      fc.constantFrom('echo', 'raw', 'flags', 'greet', 'static://a', 'files://a/b', '[1]', '{"admin":true}'),
      ownKeysObject(anyValue),
    ),
  ),
);

const request = fc.oneof(
  anyValue,
  fc.record(
    {
      jsonrpc: fc.oneof(fc.constant('2.0'), anyValue),
      id: fc.oneof(fc.integer(), fc.string(), fc.double(), anyValue),
      method: fc.oneof(fc.constantFrom(...METHODS), fc.string(), anyValue),
      params,
    },
    { requiredKeys: ['jsonrpc', 'id', 'method'] },
  ),
);

const validId = (id: unknown) => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

describe('server.handle under fuzzing', () => {
  test('always resolves to one well-formed JSON-RPC response with the request id', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(request, async (message) => {
        const response = (await server.handle(message as never)) as unknown as Record<string, unknown>;
        expect(response.jsonrpc).toBe('2.0');
        expect('result' in response !== 'error' in response).toBe(true);
        if ('error' in response) {
          const error = response.error as { code: unknown; message: unknown };
          expect(Number.isInteger(error.code)).toBe(true);
          expect(typeof error.message).toBe('string');
        }
        const id = isObject(message) ? message.id : undefined;
        if (validId(id)) expect(response.id).toBe(id);
        else expect(response.id).toBeNull();
        // What goes on the wire must serialize.
        expect(() => JSON.stringify(response)).not.toThrow();
      }),
      { numRuns: 400, seed: 20261122 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('completion never calls an inherited Object.prototype member as a completer', async () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__']) {
      const response = await server.handle({
        jsonrpc: '2.0',
        id: name,
        method: 'completion/complete',
        params: { ref: { type: 'ref/resource', uri: 'files://{path*}' }, argument: { name, value: 'x' } },
      });
      expect(response, name).toEqual({
        jsonrpc: '2.0',
        id: name,
        result: { completion: { values: [], hasMore: false } },
      });
    }
  });

  test('tools named like Object.prototype members are never mistaken for transforms', async () => {
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const tools = names.map((name) => tool({ name, run: () => `ran ${name}` }));
    const echo = tool({ name: 'echo', run: () => 'echo' });
    const transforms = { echo: { name: 'renamed' } };
    // Local tools, and tools a mounted (possibly remote, untrusted) server lists.
    const local = createServer({ name: 'local', version: '1' }, [echo, ...tools], { transforms });
    const mounted = createServer(
      { name: 'outer', version: '1' },
      [mount(createServer({ name: 'inner', version: '1' }, [echo, ...tools]))],
      {
        transforms,
      },
    );
    for (const target of [local, mounted]) {
      const listed = await target.handle({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      const listedNames = ((listed as unknown as { result: { tools: { name: string }[] } }).result.tools ?? []).map(
        (t) => t.name,
      );
      expect(listedNames.sort()).toEqual(['renamed', ...names].sort());
      for (const name of names) {
        const called = await target.handle({ jsonrpc: '2.0', id: name, method: 'tools/call', params: { name } });
        expect(called).toMatchObject({ id: name, result: { content: [{ type: 'text', text: `ran ${name}` }] } });
      }
    }
  });

  test('a "__proto__" argument never stands in for a validated field', async () => {
    // JSON.parse makes "__proto__" an own key, as a request from the wire has it.
    const args = JSON.parse('{"items":"[1,2]","__proto__":{"admin":true}}');
    const response = await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'flags', arguments: args },
    });
    expect(response).toMatchObject({ id: 1, result: { structuredContent: { admin: false } } });
  });
});
