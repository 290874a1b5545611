import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';

describe('public API of @mcpkit/openapi', () => {
  test('the runtime exports are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and docs/openapi.md with it.
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "RESOURCE_ROUTES",
        "buildComponents",
        "loadOpenApi",
        "openapi",
      ]
    `);
  });

  test('package.json maps the entry to ESM, CJS and types', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json']);
    expect(pkg.exports['.'].import).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
  });
});
