import { describe, expect, test } from 'vitest';
import type { Operation, ParameterObject } from '../routes/operations.js';
import { inputPlan } from './input-plan.js';
import { schemaConverter } from './to-json-schema.js';

const op = (parameters: ParameterObject[], requestBody?: Operation['requestBody']): Operation => ({
  method: 'post',
  path: '/x/{id}',
  operationId: 'x',
  summary: undefined,
  description: undefined,
  tags: [],
  deprecated: false,
  parameters,
  requestBody,
  responses: {},
  servers: undefined,
});

const convert = schemaConverter('3.0', 'request');

describe('input plan', () => {
  test('Accept, Content-Type and Authorization header parameters are ignored, as OpenAPI says', () => {
    const plan = inputPlan(
      op([
        { name: 'Authorization', in: 'header', schema: { type: 'string' } },
        { name: 'accept', in: 'header', schema: { type: 'string' } },
        { name: 'X-Ok', in: 'header', schema: { type: 'string' }, description: 'kept' },
      ]),
      convert,
    );
    expect(plan.schema.properties).toEqual({ 'X-Ok': { type: 'string', description: 'kept' } });
  });

  test('a non-object body is one `body` argument; a parameter called body then gets its location', () => {
    const plan = inputPlan(
      op([{ name: 'body', in: 'query', required: true, schema: { type: 'string' } }], {
        required: true,
        content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } },
      }),
      convert,
    );
    expect(plan.schema).toEqual({
      type: 'object',
      properties: {
        body: { type: 'array', items: { type: 'integer' }, description: 'The request body' },
        body__query: { type: 'string' },
      },
      required: ['body', 'body__query'],
    });
    expect(plan.body).toMatchObject({ shape: 'whole', mediaType: 'application/json' });
  });

  test('a body with oneOf stays whole; JSON is preferred over other media types', () => {
    const plan = inputPlan(
      op([], {
        content: {
          'application/xml': { schema: { type: 'object' } },
          'application/json': { schema: { oneOf: [{ type: 'object', properties: { a: {} } }, { type: 'string' }] } },
        },
      }),
      convert,
    );
    expect(plan.body).toMatchObject({ shape: 'whole', mediaType: 'application/json', required: false });
    expect(plan.schema.required).toBeUndefined();
  });

  test('a parameter described by content is sent as JSON text', () => {
    const plan = inputPlan(
      op([{ name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } }]),
      convert,
    );
    expect(plan.parameters[0]).toMatchObject({ arg: 'filter', asJson: true });
    expect(plan.schema.properties).toEqual({ filter: { type: 'object' } });
  });

  test('an octet-stream body is base64 text', () => {
    const plan = inputPlan(
      op([], {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      }),
      convert,
    );
    expect((plan.schema.properties as Record<string, unknown>).body).toMatchObject({
      type: 'string',
      contentEncoding: 'base64',
    });
    expect(plan.body?.binary.has('body')).toBe(true);
  });
});

describe('hostile names', () => {
  test('a parameter or body property called __proto__ is an own property of the schema, never its prototype', () => {
    const plan = inputPlan(
      op([{ name: '__proto__', in: 'query', schema: { type: 'string' } }], {
        content: {
          'application/json': {
            schema: JSON.parse(
              '{"type":"object","properties":{"__proto__":{"type":"integer"},"constructor":{"type":"string"}}}',
            ),
          },
        },
      }),
      convert,
    );
    const properties = plan.schema.properties as Record<string, unknown>;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(['__proto__', 'constructor', '__proto____query']);
    const sent = JSON.parse(JSON.stringify(plan.schema)).properties;
    expect(Object.getOwnPropertyDescriptor(sent, '__proto__')?.value).toEqual({ type: 'integer' });
  });
});
