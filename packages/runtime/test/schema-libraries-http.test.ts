/**
 * zod 4 and ArkType schemas on the wire: an SDK client over Streamable HTTP
 * sees plain JSON Schemas (no references), and calls validate, repair,
 * coerce and wrap as they do with valibot.
 */
import { createServer, prompt, resource, tool } from '@mcpkit/core';
import { type } from 'arktype';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { connectHttp, createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

type Node = { name: string; children: Node[] };
const zodNode: z.ZodType<Node> = z.object({
  name: z.string(),
  get children() {
    return z.array(zodNode);
  },
});

const server = createServer({ name: 'libraries', version: '1' }, [
  tool({
    name: 'sum',
    input: z.object({ values: z.array(z.number()), round: z.boolean() }),
    output: z.number(),
    run: ({ values, round }) => {
      const total = values.reduce((a, b) => a + b, 0);
      return round ? Math.round(total) : total;
    },
  }),
  tool({
    name: 'depth',
    input: z.object({ root: zodNode }),
    output: z.object({ depth: z.number() }),
    run: ({ root }) => {
      const depthOf = (node: Node): number => 1 + Math.max(0, ...node.children.map(depthOf));
      return { depth: depthOf(root) };
    },
  }),
  tool({
    name: 'greet',
    input: type({ name: 'string', 'times?': 'number' }),
    output: type({ text: 'string' }),
    run: ({ name, times }) => ({ text: `hi ${name}`.repeat(times ?? 1) }),
  }),
  resource({
    uri: 'items://{id}',
    params: type({ id: 'number' }),
    read: ({ id }) => ({ id, double: id * 2 }),
  }),
  prompt({
    name: 'count',
    args: z.object({ n: z.number(), shout: z.boolean() }),
    render: ({ n, shout }) => (shout ? `COUNT TO ${n + 1}` : `count to ${n + 1}`),
  }),
]);

describe('zod and ArkType schemas over Streamable HTTP', () => {
  test('tools/list carries plain JSON Schemas, with no references', async () => {
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['sum', 'depth', 'greet']);
    expect(JSON.stringify(tools)).not.toMatch(/"\$ref"|"\$defs"|"definitions"|"\$schema"/);
    expect(tools[0]?.inputSchema).toMatchObject({
      type: 'object',
      properties: { values: { type: 'array', items: { type: 'number' } }, round: { type: 'boolean' } },
    });
    expect(tools[0]?.outputSchema).toMatchObject({ type: 'object', properties: { result: { type: 'number' } } });
    expect(tools[2]?.inputSchema).toMatchObject({ type: 'object', required: ['name'] });
  });

  test('calls validate, repair JSON-string arguments and wrap non-object output; the client accepts the structured content', async () => {
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    expect(await client.callTool({ name: 'sum', arguments: { values: '[1.5, 2.4]', round: true } })).toEqual({
      content: [{ type: 'text', text: '4' }],
      structuredContent: { result: 4 },
    });
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] };
    expect(await client.callTool({ name: 'depth', arguments: { root: tree } })).toMatchObject({
      structuredContent: { depth: 3 },
    });
    expect(await client.callTool({ name: 'greet', arguments: { name: 'Ada', times: 2 } })).toMatchObject({
      structuredContent: { text: 'hi Adahi Ada' },
    });
    const bad = await client.callTool({ name: 'greet', arguments: { times: 'two' } });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0]?.text).toMatch(
      /^Invalid arguments for tool 'greet': .*(name: .*times: |times: .*name: )/,
    );
  });

  test('template variables and prompt arguments are coerced by the schema', async () => {
    const { url } = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, url);
    const read = await client.readResource({ uri: 'items://21' });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toEqual({ id: 21, double: 42 });
    await expect(client.readResource({ uri: 'items://abc' })).rejects.toThrow(/id: /);
    const got = await client.getPrompt({ name: 'count', arguments: { n: '9', shout: 'true' } });
    expect(got.messages[0]?.content).toEqual({ type: 'text', text: 'COUNT TO 10' });
    await expect(client.getPrompt({ name: 'count', arguments: { n: 'nine', shout: 'true' } })).rejects.toThrow(
      /count': n: /,
    );
  });
});
