import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { compose, createServer, DefinitionError, mount, type Tool, tool, transform } from '../index.js';

const info = { name: 't', version: '1' };

const listed = async (...tools: Parameters<typeof createServer>[1]): Promise<Tool[]> =>
  [...(await createServer(info, tools).listTools())] as Tool[];

describe('tool JSON Schemas (converted on first read, once)', () => {
  test('a tool lists the schemas its valibot input and output give, the same frozen objects every read', async () => {
    const search = tool({
      name: 'search',
      input: v.object({
        query: v.pipe(v.string(), v.minLength(1), v.description('What to find')),
        limit: v.optional(v.pipe(v.number(), v.integer()), 10),
        tags: v.array(v.picklist(['a', 'b'])),
        exact: v.nullable(v.boolean()),
      }),
      output: v.object({ hits: v.array(v.string()) }),
      run: () => ({ hits: [] }),
    });
    const input = {
      type: 'object',
      properties: {
        query: { type: 'string', minLength: 1, description: 'What to find' },
        limit: { type: 'integer', default: 10 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        exact: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
      },
      required: ['query', 'tags', 'exact'],
    };
    const output = {
      type: 'object',
      properties: { hits: { type: 'array', items: { type: 'string' } } },
      required: ['hits'],
    };
    const [definition] = await listed(search);
    expect(definition).toEqual({ name: 'search', inputSchema: input, outputSchema: output });
    expect(search.inputSchema).toBe(search.inputSchema);
    expect(search.inputSchema).toBe(definition?.inputSchema);
    expect(Object.isFrozen(search.inputSchema)).toBe(true);
    expect(Object.isFrozen(search.inputSchema.properties?.query)).toBe(true);
    expect(Object.isFrozen(search.outputSchema)).toBe(true);
    expect(() => {
      (search.inputSchema as { type: string }).type = 'string';
    }).toThrow(TypeError);
  });

  test('piped, strict, loose and rest objects are inputs; a non-object output is wrapped when first read', async () => {
    const piped = tool({
      name: 'piped',
      input: v.pipe(
        v.strictObject({ a: v.number() }),
        v.description('Two numbers'),
        v.check(() => true),
      ),
      run: () => 1,
    });
    const loose = tool({ name: 'loose', input: v.looseObject({}), run: () => 1 });
    const rest = tool({ name: 'rest', input: v.objectWithRest({}, v.string()), run: () => 1 });
    const count = tool({ name: 'count', output: v.array(v.number()), run: () => [1] });
    expect(piped.inputSchema).toEqual({
      type: 'object',
      properties: { a: { type: 'number' } },
      required: ['a'],
      additionalProperties: false,
      description: 'Two numbers',
    });
    expect(loose.inputSchema).toEqual({ type: 'object', properties: {}, required: [] });
    expect(rest.inputSchema).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(count.wrapsOutput).toBe(true);
    expect(count.outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'array', items: { type: 'number' } } },
      required: ['result'],
      'x-mcpkit-wrap-result': true,
    });
    expect(await createServer(info, [count]).callTool('count')).toMatchObject({ structuredContent: { result: [1] } });
  });

  test('schemas whose conversion calls user code are converted at definition, and their errors named there', () => {
    const failing = v.optional(v.string(), () => {
      throw new Error('no default today');
    });
    expect(() => tool({ name: 'early', input: v.object({ a: failing }), run: () => 1 })).toThrow(DefinitionError);
    expect(() => tool({ name: 'early', input: v.object({ a: failing }), run: () => 1 })).toThrow(
      /Tool 'early' input: its schema cannot be expressed as JSON Schema \(no default today\)/,
    );
    expect(() => tool({ name: 'late', output: v.array(failing), run: () => [] })).toThrow(/Tool 'late' output/);
    const fromDefault = tool({ name: 'd', input: v.object({ n: v.optional(v.number(), () => 3) }), run: () => 1 });
    expect(fromDefault.inputSchema.properties?.n).toEqual({ type: 'number', default: 3 });
  });

  test('recursive (lazy) schemas are converted at definition and list inlined, with no $defs', async () => {
    type Node = { name: string; children: Node[] };
    const node: v.GenericSchema<Node> = v.object({ name: v.string(), children: v.array(v.lazy(() => node)) });
    const tree = tool({ name: 'tree', input: v.object({ root: node }), run: () => 1 });
    const [definition] = await listed(tree);
    expect(definition?.inputSchema).toMatchObject({
      type: 'object',
      properties: { root: { type: 'object', properties: { children: { items: { type: 'object' } } } } },
    });
    expect(JSON.stringify(definition?.inputSchema)).not.toMatch(/\$ref|\$defs/);
  });

  test.each([
    ['a string', v.string()],
    ['a union of objects', v.union([v.object({ a: v.string() }), v.object({ b: v.string() })])],
    ['an object piped into another schema', v.pipe(v.object({}), v.transform(String), v.string())],
    ['an object whose metadata sets another type', v.pipe(v.object({}), v.metadata({ type: 'string' }))],
    ['a recursive schema', v.lazy(() => v.string())],
  ])('an input that is %s is rejected at definition', (_what, input) => {
    expect(() => tool({ name: 'bad', input: input as never, run: () => 1 })).toThrow(
      /Tool 'bad' input must be an object schema/,
    );
  });

  test('hand-written schemas are checked and frozen at definition', () => {
    const inputSchema = { type: 'object' as const, properties: { q: { type: 'string' } } };
    const raw = tool({ name: 'raw', inputSchema, outputSchema: { type: 'object' }, run: () => ({}) });
    expect(raw.inputSchema).toBe(inputSchema);
    expect(Object.isFrozen(inputSchema.properties.q)).toBe(true);
    expect(raw.outputSchema).toEqual({ type: 'object' });
    expect(() => tool({ name: 'r', outputSchema: { type: 'array' } as never, run: () => 1 })).toThrow(
      /Tool 'r' outputSchema must be a JSON Schema with type "object"/,
    );
    expect(() => tool({ name: 'r', input: v.object({}), inputSchema, run: () => 1 })).toThrow(/not both/);
  });

  test('changing the options after tool() does not change the tool', () => {
    const options = { name: 'fixed', input: v.object({ a: v.number() }), run: () => 1 };
    const fixed = tool(options);
    options.input = v.object({ b: v.number() }) as never;
    expect(Object.keys(fixed.inputSchema.properties ?? {})).toEqual(['a']);
  });

  test('composed, transformed and mounted tools list the schemas of the tools they come from', async () => {
    const add = tool({
      name: 'add',
      input: v.object({ a: v.number(), b: v.pipe(v.number(), v.description('second')) }),
      output: v.number(),
      run: ({ a, b }) => a + b,
    });
    const schema = {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number', description: 'second' } },
      required: ['a', 'b'],
    };
    const [composed] = compose({ namespace: 'math' }, add);
    expect(composed).toMatchObject({ name: 'math_add', inputSchema: schema, wrapsOutput: true });
    const renamed = transform(add, { name: 'plus', args: { b: { name: 'other', default: 1 } } });
    const inner = createServer({ name: 'inner', version: '1' }, [add]);
    const tools = await listed(...compose({ namespace: 'math' }, add), renamed, mount(inner, { namespace: 'in' }));
    expect(tools.map((t) => t.name)).toEqual(['plus', 'math_add', 'in_add']);
    expect(tools[1]?.inputSchema).toEqual(schema);
    expect(tools[2]?.inputSchema).toEqual(schema);
    expect(tools[0]?.inputSchema).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, other: { type: 'number', description: 'second', default: 1 } },
      required: ['a'],
    });
    for (const t of tools) expect(t.outputSchema).toMatchObject({ properties: { result: { type: 'number' } } });
    expect(await createServer(info, [renamed]).callTool('plus', { a: 2 })).toMatchObject({
      structuredContent: { result: 3 },
    });
  });

  test('a composed copy and its original share one conversion', () => {
    const echo = tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text });
    const [copy] = compose({ namespace: 'ns' }, echo);
    expect((copy as typeof echo).inputSchema).toBe(echo.inputSchema);
  });
});

describe('a spread copy of a tool', () => {
  const add = () =>
    tool({
      name: 'add',
      input: v.object({ a: v.number(), b: v.number() }),
      output: v.number(),
      run: ({ a, b }) => a + b,
    });

  test('~schemas is an ordinary member, so a spread made before any read shares the one conversion', () => {
    const original = add();
    expect(Object.keys(original)).toContain('~schemas');
    const copy = { ...original };
    expect(copy['~schemas']).toBe(original['~schemas']);
    expect(Object.getOwnPropertyDescriptor(copy, 'inputSchema')).toHaveProperty('value');
    expect(copy.inputSchema).toBe(original.inputSchema);
    expect(copy.outputSchema).toBe(original.outputSchema);
    expect(copy.wrapsOutput).toBe(true);
  });

  test('lists and calls as the tool does, bad arguments included', async () => {
    const original = add();
    const copy = Object.freeze({ ...original });
    expect(await listed(copy)).toEqual(await listed(original));
    const [viaCopy, viaOriginal] = [createServer(info, [copy]), createServer(info, [original])];
    expect(await viaCopy.callTool('add', { a: 1, b: 2 })).toEqual(await viaOriginal.callTool('add', { a: 1, b: 2 }));
    expect(await viaCopy.callTool('add', { a: 1, b: 2 })).toMatchObject({ structuredContent: { result: 3 } });
    const bad = await viaCopy.callTool('add', { a: 'one' });
    expect(bad).toMatchObject({ isError: true });
    expect(bad).toEqual(await viaOriginal.callTool('add', { a: 'one' }));
  });
});
