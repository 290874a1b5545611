import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, prompt, resource } from '../index.js';

const languages = ['python', 'perl', 'php', 'rust', 'typescript'];

const server = createServer({ name: 't', version: '1' }, [
  prompt({
    name: 'review',
    args: v.object({ language: v.string(), style: v.picklist(['strict', 'gentle', 'silly']) }),
    complete: { language: (value) => languages.filter((l) => l.startsWith(value)) },
    render: ({ language }) => language,
  }),
  resource({
    uri: 'repo://{owner}/{name}',
    complete: {
      owner: (value) => ['alice', 'bob'].filter((o) => o.startsWith(value)),
      name: (value, { arguments: args }) =>
        (args.owner === 'alice' ? ['app', 'api'] : ['lib']).filter((n) => n.startsWith(value)),
    },
    read: ({ owner, name }) => `${owner}/${name}`,
  }),
  resource({ uri: 'data://static', read: () => 'x' }),
  resource({
    uri: 'many://{n}',
    complete: { n: () => Array.from({ length: 150 }, (_, i) => String(i)) },
    read: () => '',
  }),
]);

describe('completion/complete', () => {
  test('prompt arguments use their completer', async () => {
    expect(await server.complete({ type: 'ref/prompt', name: 'review' }, { name: 'language', value: 'p' })).toEqual({
      values: ['python', 'perl', 'php'],
      total: 3,
      hasMore: false,
    });
  });

  test('an enum (picklist) argument completes from its values without a completer', async () => {
    expect(await server.complete({ type: 'ref/prompt', name: 'review' }, { name: 'style', value: 's' })).toMatchObject({
      values: ['strict', 'silly'],
    });
  });

  test('template variables complete, with the other arguments as context', async () => {
    const ref = { type: 'ref/resource', uri: 'repo://{owner}/{name}' } as const;
    expect((await server.complete(ref, { name: 'owner', value: 'a' })).values).toEqual(['alice']);
    expect((await server.complete(ref, { name: 'name', value: '' }, { arguments: { owner: 'alice' } })).values).toEqual(
      ['app', 'api'],
    );
  });

  test('at most 100 values, with total and hasMore', async () => {
    const result = await server.complete({ type: 'ref/resource', uri: 'many://{n}' }, { name: 'n', value: '' });
    expect(result.values).toHaveLength(100);
    expect(result).toMatchObject({ total: 150, hasMore: true });
  });

  test('an argument with nothing to complete gives no values; a static resource too', async () => {
    expect(
      (await server.complete({ type: 'ref/prompt', name: 'review' }, { name: 'other', value: '' })).values,
    ).toEqual([]);
    expect(
      (await server.complete({ type: 'ref/resource', uri: 'data://static' }, { name: 'x', value: '' })).values,
    ).toEqual([]);
  });

  test('unknown refs are -32602', async () => {
    for (const ref of [
      { type: 'ref/prompt', name: 'nope' },
      { type: 'ref/resource', uri: 'x://{y}' },
      { type: 'ref/other' },
    ]) {
      const response = await server.handle({
        jsonrpc: '2.0',
        id: 1,
        method: 'completion/complete',
        params: { ref, argument: { name: 'a', value: '' } },
      });
      expect(response).toMatchObject({ error: { code: -32602 } });
    }
    const noArgument = await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'completion/complete',
      params: { ref: { type: 'ref/prompt', name: 'review' } },
    });
    expect(noArgument).toMatchObject({ error: { code: -32602 } });
  });
});
