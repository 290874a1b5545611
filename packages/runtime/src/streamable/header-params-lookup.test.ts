import { describe, expect, it } from 'vitest';
import { headerParamsLookup } from './header-params-lookup.js';

describe('headerParamsLookup', () => {
  it('indexes header arguments by tool and reports invalid annotations', () => {
    const { lookup, invalid } = headerParamsLookup([
      {
        name: 'sql',
        inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } },
      },
      { name: 'plain', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } },
      { name: 'broken', inputSchema: { type: 'object', properties: { n: { type: 'number', 'x-mcp-header': 'N' } } } },
      { name: 'bare' },
    ]);
    expect(lookup('sql')).toEqual([{ header: 'Region', path: ['region'], type: 'string' }]);
    expect(lookup('plain')).toBeUndefined();
    expect(lookup('broken')).toBeUndefined();
    expect(lookup('bare')).toBeUndefined();
    expect(lookup('constructor')).toBeUndefined();
    expect(invalid).toEqual([{ name: 'broken', problem: expect.stringContaining('string, integer or boolean') }]);
  });
});
