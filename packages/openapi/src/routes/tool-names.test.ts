import { describe, expect, test } from 'vitest';
import type { Operation } from './operations.js';
import { nameOperations, sanitiseName } from './tool-names.js';

const op = (method: Operation['method'], path: string, operationId?: string): Operation => ({
  method,
  path,
  operationId,
  summary: undefined,
  description: undefined,
  tags: [],
  deprecated: false,
  parameters: [],
  requestBody: undefined,
  responses: {},
  servers: undefined,
});

describe('tool names', () => {
  test('sanitising keeps MCP name characters, joins the rest as one underscore, trims and cuts to 64', () => {
    expect(sanitiseName('get pets/{id}!')).toBe('get_pets_id');
    expect(sanitiseName('__a..b__')).toBe('a..b');
    expect(sanitiseName('日本語')).toBe('operation');
    expect(sanitiseName('x'.repeat(100))).toHaveLength(64);
  });

  test('operationId, else method and path; repeats get _2, _3 in document order', () => {
    const names = nameOperations([
      op('get', '/pets', 'list'),
      op('get', '/pets/{id}'),
      op('post', '/x', 'list'),
      op('put', '/y', 'list!'),
      op('get', '/pets/{id}'),
    ]);
    expect(names).toEqual(['list', 'get_pets_id', 'list_2', 'list_3', 'get_pets_id_2']);
  });

  test('overrides by operationId or METHOD /path win and also take part in deduplication', () => {
    const names = nameOperations([op('get', '/a', 'one'), op('get', '/b'), op('get', '/c', 'taken')], {
      one: 'taken',
      'GET /b': 'bee',
    });
    expect(names).toEqual(['taken', 'bee', 'taken_2']);
  });
});
