import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { DefinitionError, tool } from '../index.js';

describe('tool()', () => {
  test('returns a deeply frozen descriptor with its JSON Schemas computed', () => {
    const add = tool({
      name: 'add',
      description: 'Add two numbers',
      input: v.object({ a: v.number(), b: v.pipe(v.number(), v.description('second')) }),
      output: v.object({ sum: v.number() }),
      annotations: { readOnlyHint: true },
      tags: ['math'],
      run: ({ a, b }) => ({ sum: a + b }),
    });
    expect(add.kind).toBe('tool');
    expect(Object.isFrozen(add)).toBe(true);
    expect(Object.isFrozen(add.inputSchema)).toBe(true);
    expect(Object.isFrozen(add.tags)).toBe(true);
    expect(add.inputSchema).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number', description: 'second' } },
      required: ['a', 'b'],
    });
    expect(add.outputSchema).toEqual({ type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] });
    expect(add.wrapsOutput).toBe(false);
    expect(() => {
      (add as { name: string }).name = 'other';
    }).toThrow(TypeError);
  });

  test('a tool without input advertises an empty object schema', () => {
    const ping = tool({ name: 'ping', run: () => 'pong' });
    expect(ping.inputSchema).toEqual({ type: 'object', properties: {} });
  });

  test('a non-object output schema is wrapped as { result } and marked', () => {
    const count = tool({ name: 'count', output: v.number(), run: () => 3 });
    expect(count.wrapsOutput).toBe(true);
    expect(count.outputSchema).toMatchObject({
      type: 'object',
      properties: { result: { type: 'number' } },
      required: ['result'],
      'x-mcpkit-wrap-result': true,
    });
  });

  test.each([[''], ['has space'], ['a'.repeat(129)], ['emoji😀'], ['slash/name']])(
    'rejects the invalid tool name %j',
    (name) => {
      expect(() => tool({ name, run: () => 1 })).toThrow(DefinitionError);
      expect(() => tool({ name, run: () => 1 })).toThrow(/name .* is invalid/);
    },
  );

  test.each([['a'], ['A-b_c.d'], ['x'.repeat(128)]])('accepts the tool name %j', (name) => {
    expect(tool({ name, run: () => 1 }).name).toBe(name);
  });

  test('rejects an input schema that is not an object, naming the tool', () => {
    expect(() => tool({ name: 'bad', input: v.string() as never, run: () => 1 })).toThrow(
      /Tool 'bad' input must be an object schema/,
    );
  });

  test('rejects a missing run function and a non-positive timeout', () => {
    expect(() => tool({ name: 'norun' } as never)).toThrow(/Tool 'norun' needs a run function/);
    expect(() => tool({ name: 't', timeoutMs: 0, run: () => 1 })).toThrow(/timeoutMs must be a positive number/);
  });
});
