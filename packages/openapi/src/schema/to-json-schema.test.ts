import { describe, expect, test } from 'vitest';
import { schemaConverter } from './to-json-schema.js';

describe('OpenAPI schema to JSON Schema', () => {
  test('3.0 nullable joins null to the type and to the enum; a typeless nullable schema becomes anyOf', () => {
    const convert = schemaConverter('3.0', 'request');
    expect(convert({ type: 'string', nullable: true, enum: ['a', 'b'] })).toEqual({
      type: ['string', 'null'],
      enum: ['a', 'b', null],
    });
    expect(convert({ oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true })).toEqual({
      anyOf: [{ oneOf: [{ type: 'string' }, { type: 'integer' }] }, { type: 'null' }],
    });
    // 3.1 has no nullable keyword: it is dropped, not interpreted.
    expect(schemaConverter('3.1', 'request')({ type: 'string', nullable: true })).toEqual({ type: 'string' });
  });

  test('boolean exclusive bounds become numeric ones; OpenAPI-only keywords and extensions go; example becomes examples', () => {
    const convert = schemaConverter('3.0', 'request');
    expect(
      convert({
        type: 'number',
        minimum: 1,
        exclusiveMinimum: true,
        maximum: 9,
        exclusiveMaximum: false,
        example: 5,
        xml: { name: 'n' },
        'x-internal': true,
        discriminator: { propertyName: 'kind' },
        format: 'double',
      }),
    ).toEqual({ type: 'number', exclusiveMinimum: 1, maximum: 9, examples: [5], format: 'double' });
  });

  test('oneOf, anyOf, allOf, items and additionalProperties are converted inside', () => {
    const convert = schemaConverter('3.0', 'response');
    expect(
      convert({
        allOf: [{ type: 'object', properties: { a: { type: 'string', nullable: true } } }],
        oneOf: [{ type: 'array', items: { type: 'integer', nullable: true } }],
        additionalProperties: { type: 'boolean', 'x-y': 1 },
      }),
    ).toEqual({
      allOf: [{ type: 'object', properties: { a: { type: ['string', 'null'] } } }],
      oneOf: [{ type: 'array', items: { type: ['integer', 'null'] } }],
      additionalProperties: { type: 'boolean' },
    });
  });

  test('readOnly properties leave request schemas and writeOnly ones response schemas, required lists too', () => {
    const schema = {
      type: 'object',
      required: ['id', 'password', 'name'],
      properties: {
        id: { type: 'integer', readOnly: true },
        password: { type: 'string', writeOnly: true },
        name: { type: 'string' },
      },
    };
    expect(schemaConverter('3.0', 'request')(schema)).toEqual({
      type: 'object',
      required: ['password', 'name'],
      properties: { password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
    });
    expect(schemaConverter('3.0', 'response')(schema)).toMatchObject({ required: ['id', 'name'] });
  });

  test('a recursive (dereferenced) schema is cut at the repeat, so the result is finite JSON', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    const out = schemaConverter('3.1', 'request')(node);
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        children: { type: 'array', items: { description: 'Recursive: any value of the enclosing type' } },
      },
    });
  });

  test('patterns that are not Unicode regular expressions are dropped; valid ones stay', () => {
    const convert = schemaConverter('3.0', 'request');
    expect(convert({ type: 'string', pattern: '^{[0-9]}$' })).toEqual({ type: 'string' });
    expect(convert({ type: 'string', pattern: '^[a-z]+$' })).toEqual({ type: 'string', pattern: '^[a-z]+$' });
  });

  test('boolean schemas and non-objects are handled', () => {
    const convert = schemaConverter('3.1', 'request');
    expect(convert(true)).toEqual({});
    expect(convert(false)).toEqual({ not: {} });
    expect(convert(undefined)).toEqual({});
    expect(convert({ type: 'object', properties: { a: false } })).toEqual({ type: 'object', properties: { a: false } });
  });
});
