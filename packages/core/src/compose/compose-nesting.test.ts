import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { compose, createServer, prompt, resource, ToolError, tool } from '../index.js';

const info = { name: 't', version: '1' };

describe('precedence when names collide', () => {
  const local = tool({ name: 'x_same', run: () => 'local' });
  const first = compose({ namespace: 'x' }, tool({ name: 'same', run: () => 'first module' }));
  const second = compose({ namespace: 'x' }, tool({ name: 'same', run: () => 'second module' }));
  const text = async (server: ReturnType<typeof createServer>) => (await server.callTool('x_same')).content;

  test('is an error by default, naming the component', () => {
    expect(() => createServer(info, [...first, local])).toThrow(/Duplicate tool 'x_same'/);
  });

  test("with 'ignore', local components win over composed ones, and earlier modules over later ones", async () => {
    expect(await text(createServer(info, [...first, ...second, local], { onDuplicate: 'ignore' }))).toEqual([
      { type: 'text', text: 'local' },
    ]);
    expect(await text(createServer(info, [...second, ...first], { onDuplicate: 'ignore' }))).toEqual([
      { type: 'text', text: 'second module' },
    ]);
  });

  test("with 'replace', the one without precedence replaces", async () => {
    expect(await text(createServer(info, [local, ...first], { onDuplicate: 'replace' }))).toEqual([
      { type: 'text', text: 'first module' },
    ]);
  });
});

describe('three levels of nesting', () => {
  const leaf = compose(
    { namespace: 'c' },
    tool({
      name: 'sum',
      input: v.object({ a: v.number(), b: v.number() }),
      output: v.object({ sum: v.number() }),
      run: ({ a, b }) => ({ sum: a + b }),
    }),
    tool({
      name: 'fail',
      run: () => {
        throw new ToolError('leaf failure');
      },
    }),
    resource({
      uri: 'files://{path*}',
      name: 'file',
      list: () => [{ params: { path: 'a/b.txt' } }],
      complete: { path: (value) => ['a/b.txt', 'a/c.txt'].filter((p) => p.startsWith(value)) },
      read: ({ path }) => `content of ${path}`,
    }),
    prompt({
      name: 'ask',
      args: v.object({ topic: v.picklist(['math', 'music']) }),
      render: ({ topic }) => `Tell me about ${topic}`,
    }),
  );
  const server = createServer(info, [
    ...compose({ namespace: 'a' }, compose({ namespace: 'b', separator: '.' }, leaf)),
  ]);

  test('names and URIs stack from the inside out', async () => {
    expect((await server.listTools()).map((t) => t.name)).toEqual(['a_b.c_sum', 'a_b.c_fail']);
    expect((await server.listResourceTemplates()).map((t) => t.uriTemplate)).toEqual(['files://a/b/c/{path*}']);
    expect((await server.listPrompts()).map((p) => p.name)).toEqual(['a_b.c_ask']);
  });

  test('structured output and errors keep working', async () => {
    expect(await server.callTool('a_b.c_sum', { a: 1, b: 2 })).toEqual({
      content: [{ type: 'text', text: '{"sum":3}' }],
      structuredContent: { sum: 3 },
    });
    expect(await server.callTool('a_b.c_fail')).toEqual({
      content: [{ type: 'text', text: 'leaf failure' }],
      isError: true,
    });
    expect((await server.callTool('a_b.c_sum', { a: 'x', b: 2 })).isError).toBe(true);
  });

  test("templates' list() and reads use the namespaced URIs", async () => {
    expect(await server.listResources()).toEqual([{ uri: 'files://a/b/c/a/b.txt', name: 'files://a/b/c/a/b.txt' }]);
    expect((await server.readResource('files://a/b/c/a/b.txt')).contents[0]).toMatchObject({
      text: 'content of a/b.txt',
    });
  });

  test('completions work for namespaced templates and prompts', async () => {
    expect(
      (await server.complete({ type: 'ref/resource', uri: 'files://a/b/c/{path*}' }, { name: 'path', value: 'a/c' }))
        .values,
    ).toEqual(['a/c.txt']);
    expect(
      (await server.complete({ type: 'ref/prompt', name: 'a_b.c_ask' }, { name: 'topic', value: 'mu' })).values,
    ).toEqual(['music']);
    expect((await server.getPrompt('a_b.c_ask', { topic: 'math' })).messages[0]?.content).toEqual({
      type: 'text',
      text: 'Tell me about math',
    });
  });
});
