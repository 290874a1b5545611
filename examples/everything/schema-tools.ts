import { tool } from '@mcpkit/core';

/**
 * `json_schema_2020_12_tool` (SEP-1613): its input schema is written by hand
 * in JSON Schema 2020-12 and must reach clients with `$schema`, `$defs` and
 * `additionalProperties` intact.
 */
export const jsonSchema2020Tool = tool({
  name: 'json_schema_2020_12_tool',
  description: 'Takes a person with an address; its input schema uses JSON Schema 2020-12 keywords',
  inputSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    $defs: {
      address: {
        type: 'object',
        properties: { street: { type: 'string' }, city: { type: 'string' } },
        required: ['street', 'city'],
      },
    },
    properties: {
      name: { type: 'string' },
      address: { $ref: '#/$defs/address' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  run: (args) => `Received ${JSON.stringify(args)}`,
});
