/**
 * A synthetic OpenAPI 3.0 document with `operations` operations for the
 * openapi benchmark: half GET with a path and two query parameters, half POST
 * with a JSON body; schemas shared through `$ref`, as real documents do.
 */
export const syntheticDocument = (operations: number): Record<string, unknown> => {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < Math.ceil(operations / 2); i++) {
    paths[`/items${i}/{id}`] = {
      get: {
        operationId: `getItem${i}`,
        summary: `Get item ${i}`,
        tags: [`group${i % 10}`],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'fields', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'verbose', in: 'query', schema: { type: 'boolean' } },
        ],
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
        },
      },
      ...(2 * i + 1 < operations
        ? {
            post: {
              operationId: `updateItem${i}`,
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemInput' } } },
              },
              responses: {
                200: {
                  description: 'ok',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
                },
              },
            },
          }
        : {}),
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Synthetic API', version: '1.0.0' },
    servers: [{ url: 'http://127.0.0.1:1' }],
    paths,
    components: {
      schemas: {
        Item: {
          type: 'object',
          required: ['id', 'name'],
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            tags: { type: 'array', items: { type: 'string' } },
            owner: { type: 'string', nullable: true },
          },
        },
        ItemInput: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  };
};
