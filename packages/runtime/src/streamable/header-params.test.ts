import { describe, expect, it } from 'vitest';
import { headerParamsOf } from './header-params.js';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

describe('headerParamsOf', () => {
  it('finds annotated primitives, nested through properties', () => {
    const schema = object({
      region: { type: 'string', 'x-mcp-header': 'Region' },
      query: { type: 'string' },
      opts: object({
        dry: { type: 'boolean', 'x-mcp-header': 'Dry-Run' },
        n: { type: 'integer', 'x-mcp-header': 'N' },
      }),
      // A data keyword holding the annotation's name is not an annotation.
      mode: { type: 'string', default: { 'x-mcp-header': 'nope' }, enum: [{ 'x-mcp-header': 1 }] },
      // A property may itself be called x-mcp-header.
      'x-mcp-header': { type: 'string' },
    });
    expect(headerParamsOf(schema)).toEqual({
      ok: true,
      params: [
        { header: 'Region', path: ['region'], type: 'string' },
        { header: 'Dry-Run', path: ['opts', 'dry'], type: 'boolean' },
        { header: 'N', path: ['opts', 'n'], type: 'integer' },
      ],
    });
  });

  it('finds none in a plain schema', () => {
    expect(headerParamsOf(object({ a: { type: 'string' } }))).toEqual({ ok: true, params: [] });
    expect(headerParamsOf(undefined)).toEqual({ ok: true, params: [] });
  });

  it.each([
    ['an empty name', object({ a: { type: 'string', 'x-mcp-header': '' } }), 'non-empty header token'],
    ['a space', object({ a: { type: 'string', 'x-mcp-header': 'My Region' } }), 'token'],
    ['a colon', object({ a: { type: 'string', 'x-mcp-header': 'a:b' } }), 'token'],
    ['non-ASCII', object({ a: { type: 'string', 'x-mcp-header': 'Région' } }), 'token'],
    ['a control character', object({ a: { type: 'string', 'x-mcp-header': 'a\rb' } }), 'token'],
    ['a non-string value', object({ a: { type: 'string', 'x-mcp-header': 3 } }), 'token'],
    ['a number property', object({ a: { type: 'number', 'x-mcp-header': 'A' } }), 'string, integer or boolean'],
    ['an object property', object({ a: { type: 'object', 'x-mcp-header': 'A' } }), 'string, integer or boolean'],
    ['an array property', object({ a: { type: 'array', 'x-mcp-header': 'A' } }), 'string, integer or boolean'],
    ['a type list', object({ a: { type: ['string', 'null'], 'x-mcp-header': 'A' } }), 'string, integer or boolean'],
    [
      'a duplicate differing in case',
      object({ a: { type: 'string', 'x-mcp-header': 'Region' }, b: { type: 'string', 'x-mcp-header': 'region' } }),
      'declared twice',
    ],
    ['the root', { type: 'string', 'x-mcp-header': 'A' }, 'not reachable'],
    ['inside items', object({ a: { type: 'array', items: { type: 'string', 'x-mcp-header': 'A' } } }), 'not reachable'],
    ['inside anyOf', object({}, { anyOf: [object({ a: { type: 'string', 'x-mcp-header': 'A' } })] }), 'not reachable'],
    ['inside else', object({}, { else: object({ a: { type: 'string', 'x-mcp-header': 'A' } }) }), 'not reachable'],
    [
      'inside $defs',
      object({ a: { $ref: '#/$defs/x' } }, { $defs: { x: { type: 'string', 'x-mcp-header': 'A' } } }),
      'not reachable',
    ],
  ])('refuses %s', (_, schema, problem) => {
    const result = headerParamsOf(schema);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(problem);
  });
});
