import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';

describe('public API of @mcpkit/otel', () => {
  test('the runtime exports are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and docs/telemetry.md with it.
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "INSTRUMENTATION_SCOPE",
        "parseTraceparent",
        "telemetry",
      ]
    `);
  });

  test('package.json maps the entry to ESM, CJS and types, with @opentelemetry/api as a peer only', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json']);
    expect(pkg.exports['.'].import).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.dependencies)).toEqual(['@mcpkit/core']);
    expect(Object.keys(pkg.peerDependencies)).toEqual(['@opentelemetry/api']);
  });
});
