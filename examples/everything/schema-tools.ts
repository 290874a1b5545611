import { tool } from '@mcpkit/core';

/**
 * `json_schema_2020_12_tool` (SEP-1613, SEP-2106): its input schema is written
 * by hand in JSON Schema 2020-12 and must reach clients with every keyword
 * intact: `$schema`, `$defs` with an `$anchor`, `$ref`, `additionalProperties`,
 * composition (`allOf`/`anyOf`) and conditionals (`if`/`then`/`else`).
 */
export const jsonSchema2020Tool = tool({
  name: 'json_schema_2020_12_tool',
  description: 'Takes a contact with an address; its input schema uses JSON Schema 2020-12 keywords',
  inputSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    $defs: {
      address: {
        $anchor: 'addressDef',
        type: 'object',
        properties: { street: { type: 'string' }, city: { type: 'string' } },
      },
    },
    properties: {
      name: { type: 'string' },
      address: { $ref: '#/$defs/address' },
      contactMethod: { type: 'string', enum: ['phone', 'email'] },
      phone: { type: 'string' },
      email: { type: 'string' },
    },
    allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
    if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here.
    then: { required: ['phone'] },
    else: { required: ['email'] },
    additionalProperties: false,
  },
  run: (args) => `Received ${JSON.stringify(args)}`,
});
