import { describe, expect, test } from 'vitest';
import { cutDescription, hasRefs, inlineRefs, tooLargeDescription } from './inline-refs.js';

describe('inlineRefs', () => {
  test('a schema with no references comes back equal', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', enum: ['x'] } }, required: ['a'] };
    expect(inlineRefs(schema)).toEqual(schema);
  });

  test('references to $defs, definitions and escaped pointers are inlined; keywords beside $ref are kept', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { $ref: '#/$defs/a~1b', description: 'the a' },
        b: { $ref: '#/definitions/b' },
        definitions: { type: 'string' },
      },
      $defs: { 'a/b': { type: 'number' } },
      definitions: { b: { type: 'boolean' } },
    };
    expect(inlineRefs(schema)).toEqual({
      type: 'object',
      properties: {
        a: { type: 'number', description: 'the a' },
        b: { type: 'boolean' },
        definitions: { type: 'string' },
      },
    });
  });

  test('a self-reference is cut after a fixed number of levels, keeping its type and saying so', () => {
    const schema = { type: 'object', properties: { next: { $ref: '#' } } };
    let node = inlineRefs(schema) as Record<string, unknown>;
    let levels = 0;
    while ((node.properties as Record<string, unknown> | undefined)?.next) {
      node = (node.properties as Record<string, Record<string, unknown>>).next as Record<string, unknown>;
      levels += 1;
    }
    expect(levels).toBe(3 + 1);
    expect(node).toEqual({ type: 'object', description: cutDescription(3) });
  });

  test('a reference that leads nowhere, or out of the document, becomes permissive and says so', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/missing' }, b: { $ref: 'https://example.com/s.json' } },
    };
    expect(inlineRefs(schema)).toEqual({
      type: 'object',
      properties: {
        a: { description: 'Unresolved reference #/$defs/missing left out.' },
        b: { description: 'Unresolved reference https://example.com/s.json left out.' },
      },
    });
  });

  test('data keywords are copied, not read as schemas', () => {
    const schema = { type: 'object', default: { $ref: '#/x' }, const: { $ref: '#' }, examples: [{ $ref: '#' }] };
    expect(inlineRefs(schema)).toEqual(schema);
  });

  test('shared definitions nested in shared definitions stay bounded', () => {
    // Each level uses the one below twice: 2^30 copies if nothing stopped it.
    const $defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i <= 30; i++) {
      $defs[`d${i}`] = {
        type: 'object',
        properties: { l: { $ref: `#/$defs/d${i - 1}` }, r: { $ref: `#/$defs/d${i - 1}` } },
      };
    }
    const out = inlineRefs({ $ref: '#/$defs/d30', $defs });
    expect(JSON.stringify(out).length).toBeLessThan(1_000_000);
    expect(JSON.stringify(out)).toContain(tooLargeDescription(1000));
  });

  test('the bounds given replace the defaults', () => {
    const schema = { type: 'object', properties: { next: { $ref: '#' } } };
    const depthOf = (maxDepth: number) => {
      let node = inlineRefs(schema, { maxDepth, maxExpansions: 1000 }) as Record<string, unknown>;
      let levels = 0;
      while ((node.properties as Record<string, unknown> | undefined)?.next) {
        node = (node.properties as Record<string, Record<string, unknown>>).next as Record<string, unknown>;
        levels += 1;
      }
      return { levels, node };
    };
    expect(depthOf(1)).toEqual({ levels: 2, node: { type: 'object', description: cutDescription(1) } });
    expect(depthOf(5).levels).toBe(6);
    const shared = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/s' }, b: { $ref: '#/$defs/s' } },
      $defs: { s: { type: 'string' } },
    };
    expect(inlineRefs(shared, { maxDepth: 3, maxExpansions: 1 })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string', description: tooLargeDescription(1) } },
    });
  });

  test('hasRefs finds a $ref at any depth', () => {
    expect(hasRefs({ type: 'object', properties: { a: { items: [{ $ref: '#' }] } } })).toBe(true);
    expect(hasRefs({ type: 'object', properties: { a: { type: 'string' } } })).toBe(false);
  });
});
