import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, encodeMessage, prompt, resource, tool } from '../index.js';

const request = (method: string, params: Record<string, unknown> = {}, id: string | number = 1) =>
  ({ jsonrpc: '2.0', id, method, params }) as const;

const server = createServer(
  { name: 'enc', version: '1' },
  [
    ...Array.from({ length: 5 }, (_, i) =>
      tool({
        name: `t${i}`,
        description: `Tool "${i}" \u2028 ü 😀`,
        input: v.object({ a: v.number() }),
        meta: { when: '2020' },
        run: () => i,
      }),
    ),
    resource({ uri: 'data://a', read: () => 'a' }),
    resource({ uri: 'data://{id}', read: ({ id }) => id }),
    prompt({ name: 'p', args: v.object({ x: v.string() }), render: ({ x }) => x }),
  ],
  { pageSize: 2 },
);

describe('encodeMessage()', () => {
  test.each<[string, unknown]>([
    ['a request', request('tools/call', { name: 'x', arguments: { a: [1, { b: null }] } })],
    ['a notification', { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1, total: 2 } }],
    ['an error with data', { jsonrpc: '2.0', id: 'x', error: { code: -32602, message: 'bad "q"', data: { q: 1 } } }],
    ['an error with a null id', { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid' } }],
    ['undefined and function members', { jsonrpc: '2.0', id: 1, result: { a: undefined, f: () => 1 }, x: undefined }],
    [
      'nested toJSON',
      { jsonrpc: '2.0', id: 1, result: { at: new Date(0), custom: { toJSON: (k: string) => `k=${k}` } } },
    ],
    ['a top-level toJSON', { toJSON: () => ({ replaced: true }) }],
    ['odd keys', JSON.parse('{"\\u2028\\"key\\"\\n": 1, "__proto__": 2, "10": "ten", "2": "two"}')],
    ['no prototype', Object.assign(Object.create(null), { jsonrpc: '2.0', id: 1, result: {} })],
    ['a batch', [request('ping'), { jsonrpc: '2.0', id: 2, result: {} }]],
    ['an empty object', {}],
    ['an array of odd values', [1, undefined, () => 1, Symbol('s'), Number.NaN]],
    ['a string', 'text "quoted"'],
    ['a number', 42],
    ['null', null],
  ])('gives what JSON.stringify gives for %s', (_what, message) => {
    expect(encodeMessage(message)).toBe(JSON.stringify(message));
  });

  test('gives what JSON.stringify gives for every list the server answers from ready-made pages', async () => {
    const methods = ['tools/list', 'resources/list', 'resources/templates/list', 'prompts/list'];
    for (const method of methods) {
      let cursor: string | undefined;
      do {
        const response = await server.handle(request(method, cursor ? { cursor } : {}, `id-${method}`));
        expect(encodeMessage(response)).toBe(JSON.stringify(response));
        // A second time, from the kept text.
        expect(encodeMessage(response)).toBe(JSON.stringify(response));
        cursor = (response as { result: { nextCursor?: string } }).result.nextCursor;
      } while (cursor);
    }
  });

  test('splices a ready-made page wherever it stands in a message, and in batches', async () => {
    const { result } = (await server.handle(request('tools/list'))) as { result: Record<string, unknown> };
    const shapes: unknown[] = [
      { result, jsonrpc: '2.0', id: 7 },
      { jsonrpc: '2.0', id: 7, result, extra: { n: 1 }, gone: undefined },
      { jsonrpc: '2.0', id: 7, other: result, result },
      result,
      [{ jsonrpc: '2.0', id: 1, result }, request('ping'), { jsonrpc: '2.0', id: 2, result }],
      [{ jsonrpc: '2.0', id: 1, result }, 5],
      { jsonrpc: '2.0', id: 1, result, toJSON: () => 'whole' },
      { jsonrpc: '2.0', id: 1, error: { code: 1, message: 'm', data: result } },
    ];
    for (const shape of shapes) expect(encodeMessage(shape)).toBe(JSON.stringify(shape));
  });

  test('a ready-made page is serialised once, however often it is sent', async () => {
    let serialised = 0;
    const stamp = { toJSON: () => `stamp ${++serialised}` };
    const counting = createServer({ name: 'c', version: '1' }, [tool({ name: 'x', meta: { stamp }, run: () => 1 })]);
    const texts = new Set<string>();
    for (let id = 0; id < 3; id++)
      texts.add(encodeMessage({ ...(await counting.handle(request('tools/list'))), id: 0 }));
    expect(serialised).toBe(1);
    expect(texts.size).toBe(1);
    expect([...texts][0]).toContain('"_meta":{"stamp":"stamp 1"}');
  });

  test('a copy of a ready-made page is serialised as it now is', async () => {
    const { result } = (await server.handle(request('tools/list'))) as { result: Record<string, unknown> };
    const copy = { ...result, tools: [], added: true };
    expect(encodeMessage({ jsonrpc: '2.0', id: 1, result: copy })).toBe(
      JSON.stringify({ jsonrpc: '2.0', id: 1, result: copy }),
    );
    expect(encodeMessage(copy)).toContain('"added":true');
  });

  test('fails as JSON.stringify fails', async () => {
    const { result } = (await server.handle(request('tools/list'))) as { result: Record<string, unknown> };
    const cyclic: Record<string, unknown> = { jsonrpc: '2.0', id: 1 };
    cyclic.self = cyclic;
    expect(() => encodeMessage(cyclic)).toThrow(TypeError);
    expect(() => encodeMessage({ result, big: 1n })).toThrow(TypeError);
  });
});
