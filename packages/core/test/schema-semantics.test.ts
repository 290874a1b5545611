/**
 * One semantics suite, three schema libraries: whatever a server author gets
 * from valibot (the default) they get from zod 4 and ArkType, through the
 * public API.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ask,
  createServer,
  createTestContext,
  customMethod,
  ProtocolError,
  prompt,
  resource,
  tool,
} from '../src/index.js';
import { libraries } from './schema-libraries.js';

const info = { name: 'schemas', version: '1' };
const textOf = (result: { content: readonly unknown[] }): string => (result.content[0] as { text: string }).text;

describe.each(libraries)('$name schemas', (lib) => {
  const add = tool({
    name: 'add',
    input: lib.pair,
    run: ({ a, b }: { a: number; b: number }) => a + b,
  });

  test('tools/list shows the input schema as JSON Schema', async () => {
    const [listed] = await createServer(info, [add]).listTools();
    expect(listed?.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
    expect(listed?.inputSchema).not.toHaveProperty('$schema');
  });

  test('valid arguments reach the handler parsed', async () => {
    expect(await createServer(info, [add]).callTool('add', { a: 2, b: 3 })).toEqual({
      content: [{ type: 'text', text: '5' }],
    });
  });

  test('invalid arguments are a tool error naming each bad field', async () => {
    const result = await createServer(info, [add]).callTool('add', { a: 'x' });
    expect(result.isError).toBe(true);
    const message = textOf(result);
    expect(message).toMatch(/^Invalid arguments for tool 'add': /);
    expect(message).toMatch(/: a: /);
    expect(message).toMatch(/(: |; )b: /);
  });

  test('arguments that are not an object are a tool error', async () => {
    const result = await createServer(info, [add]).callTool('add', [1, 2] as never);
    expect(result).toMatchObject({ isError: true });
    expect(textOf(result)).toMatch(/expected an object/);
  });

  const sum = tool({
    name: 'sum',
    input: lib.nested,
    run: ({ values, options }: { values: number[]; options: { round: boolean } }) =>
      options.round ? Math.round(values.reduce((x, y) => x + y, 0)) : 0,
  });

  test('object and array arguments sent as JSON strings are repaired', async () => {
    const result = await createServer(info, [sum]).callTool('sum', { values: '[1.4, 2.4]', options: '{"round":true}' });
    expect(result).toEqual({ content: [{ type: 'text', text: '4' }] });
  });

  test('a repaired value that still fails reports the original problem', async () => {
    const result = await createServer(info, [sum]).callTool('sum', { values: '["a"]', options: { round: true } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/: values(\.0)?: /);
  });

  const item = resource({
    uri: 'items://{id}/{active}',
    params: lib.item,
    read: (params: unknown) => params as Record<string, unknown>,
  });

  test('template variables are coerced to the numbers and booleans the schema asks for', async () => {
    const result = await createServer(info, [item]).readResource('items://42/true');
    expect(JSON.parse((result.contents[0] as { text: string }).text)).toEqual({ id: 42, active: true });
  });

  test('a template variable the schema rejects is invalid params naming it', async () => {
    const reading = createServer(info, [item]).readResource('items://many/true');
    await expect(reading).rejects.toBeInstanceOf(ProtocolError);
    await expect(reading).rejects.toThrow(/Invalid parameters for resource 'items:\/\/many\/true': id: /);
  });

  const brief = prompt({
    name: 'brief',
    args: lib.promptArgs,
    render: ({ topic, count, loud }: { topic: string; count: number; loud: boolean }) =>
      `${typeof count}:${count} ${typeof loud}:${loud} ${topic}`,
  });

  test('prompt arguments are listed and coerced from strings per the schema', async () => {
    const server = createServer(info, [brief]);
    const [listed] = await server.listPrompts();
    // In the library's own order (ArkType sorts keys).
    expect([...(listed?.arguments ?? [])].sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'count', required: true },
      { name: 'loud', required: true },
      { name: 'topic', required: true },
    ]);
    const result = await server.getPrompt('brief', { topic: '42', count: '3', loud: 'true' });
    expect(result.messages[0]?.content).toEqual({ type: 'text', text: 'number:3 boolean:true 42' });
  });

  test('a prompt argument the schema rejects is invalid params naming it', async () => {
    const getting = createServer(info, [brief]).getPrompt('brief', { topic: 't', count: 'many', loud: 'true' });
    await expect(getting).rejects.toThrow(/Invalid arguments for prompt 'brief': count: /);
  });

  test('a non-object output is wrapped as { result } with structuredContent', async () => {
    const counter = tool({ name: 'counter', output: lib.count, run: () => 7 });
    const server = createServer(info, [counter]);
    const [listed] = await server.listTools();
    expect(listed?.outputSchema).toMatchObject({
      type: 'object',
      properties: { result: { type: 'number' } },
      required: ['result'],
    });
    expect(await server.callTool('counter')).toEqual({
      content: [{ type: 'text', text: '7' }],
      structuredContent: { result: 7 },
    });
  });

  test('an object output is sent as is, and a result that breaks it is a tool error naming the field', async () => {
    let total: unknown = 3;
    const measure = tool({ name: 'measure', output: lib.total, run: () => ({ total, unit: 'kg' }) });
    const server = createServer(info, [measure]);
    expect(await server.callTool('measure')).toMatchObject({ structuredContent: { total: 3, unit: 'kg' } });
    total = 'heavy';
    const bad = await server.callTool('measure');
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/does not match its output schema: total: /);
  });

  const askPerson = tool({
    name: 'ask_person',
    run: async (_args, ctx) => {
      const outcome = await ctx.elicit({ message: 'Who?', schema: lib.person });
      if (outcome.action !== 'accept') return outcome.action;
      const { name, age } = outcome.content as { name: string; age: number };
      return `${name} is ${age}`;
    },
  });
  const personSchema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } } };

  test('ctx.elicit sends the schema as JSON Schema and validates the answer', async () => {
    const server = createServer(info, [askPerson]);
    const accepted = createTestContext({ elicit: () => ({ action: 'accept', content: { name: 'Ada', age: 36 } }) });
    expect(textOf(await server.callTool('ask_person', {}, accepted))).toBe('Ada is 36');
    expect(accepted.recorded.elicitations[0]).toMatchObject({ mode: 'form', requestedSchema: personSchema });
    const wrong = createTestContext({ elicit: () => ({ action: 'accept', content: { name: 'Ada', age: 'old' } }) });
    const result = await server.callTool('ask_person', {}, wrong);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/elicitation answer is invalid: age: /);
  });

  test('custom method params are validated, a failure naming each field', async () => {
    const server = createServer(info, [], {
      methods: {
        'com.example/sum': customMethod({
          params: lib.pair,
          handler: ({ a, b }: { a: number; b: number }) => ({ sum: a + b }),
        }),
      },
    });
    const call = (params: unknown) =>
      server.handle({ jsonrpc: '2.0', id: 1, method: 'com.example/sum', params } as never);
    expect(await call({ a: 1, b: 2 })).toMatchObject({ result: { sum: 3 } });
    expect(await call({ a: 'x' })).toMatchObject({
      error: { code: -32602, message: expect.stringMatching(/a: .*b: /) },
    });
  });

  test('ask.elicit sends the schema as JSON Schema', () => {
    const request = ask.elicit({ message: 'Who?', schema: lib.person });
    expect(request).toMatchObject({ method: 'elicitation/create', params: { requestedSchema: personSchema } });
  });
});

describe('schemas that cannot be described', () => {
  test('a Standard Schema without a JSON Schema converter is refused at definition, saying why', () => {
    const opaque = {
      '~standard': { version: 1 as const, vendor: 'opaque', validate: (value: unknown) => ({ value }) },
    };
    expect(() => tool({ name: 'opaque', input: opaque, run: () => 1 })).toThrow(
      /Tool 'opaque' input: its schema cannot be expressed as JSON Schema \(it cannot produce JSON Schema: use valibot/,
    );
    expect(() => prompt({ name: 'opaque', args: opaque, render: () => 'x' })).toThrow(/Prompt 'opaque' args/);
  });

  test('a type the library cannot express is refused at definition with the library’s reason', () => {
    expect(() => tool({ name: 'when', input: z.object({ at: z.date() }), run: () => 1 })).toThrow(
      /Tool 'when' input: its schema cannot be expressed as JSON Schema \(.*Date/,
    );
  });

  test('a zod input with a transform is described by its input side; an output with one is refused', async () => {
    const len = tool({ name: 'len', input: z.object({ s: z.string().transform((s) => s.length) }), run: ({ s }) => s });
    const [listed] = await createServer(info, [len]).listTools();
    expect(listed?.inputSchema).toMatchObject({ properties: { s: { type: 'string' } } });
    expect(await createServer(info, [len]).callTool('len', { s: 'abc' })).toEqual({
      content: [{ type: 'text', text: '3' }],
    });
    expect(() => tool({ name: 'out', output: z.string().transform((s) => s.length), run: () => 'x' })).toThrow(
      /Tool 'out' output: its schema cannot be expressed as JSON Schema/,
    );
  });

  test('a non-object input is refused at definition', () => {
    expect(() => tool({ name: 'scalar', input: z.string(), run: () => 1 })).toThrow(
      /Tool 'scalar' input must be an object schema/,
    );
  });

  test('an asynchronous Standard Schema validates asynchronously', async () => {
    const slow = z.object({ n: z.number().refine(async (n) => n > 0, 'must be positive') });
    const check = tool({ name: 'check', input: slow, run: ({ n }) => n });
    const server = createServer(info, [check]);
    expect(await server.callTool('check', { n: 2 })).toEqual({ content: [{ type: 'text', text: '2' }] });
    expect(textOf(await server.callTool('check', { n: -1 }))).toMatch(/n: must be positive/);
  });
});
