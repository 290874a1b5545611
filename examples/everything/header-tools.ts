import { tool } from '@mcpkit/core';

/**
 * `http-custom-header-server-validation` (SEP-2243): a tool whose `region`
 * argument is mirrored into the `Mcp-Param-Region` header, so the suite can
 * check that the server compares header and body (Base64 sentinel included).
 */
export const customHeaderTool = tool({
  name: 'test_custom_header',
  description: 'Echoes a region that clients also send in the Mcp-Param-Region header',
  inputSchema: {
    type: 'object',
    properties: {
      region: {
        type: 'string',
        description: 'A region name, mirrored into Mcp-Param-Region',
        'x-mcp-header': 'Region',
      },
      note: { type: 'string', description: 'Free text, not mirrored' },
    },
    required: ['region'],
  },
  run: (args) => `Region: ${String(args.region)}`,
});
