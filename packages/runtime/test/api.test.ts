import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as runtime from '../src/index.js';
import * as stdio from '../src/stdio/index.js';

describe('public API of @mcpkit/runtime', () => {
  test('the runtime exports of the main entry are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and the docs with it.
    expect(Object.keys(runtime).sort()).toMatchInlineSnapshot(`
      [
        "authInfoFromClaims",
        "bearer",
        "closeProxies",
        "connect",
        "connectClient",
        "createMemoryEventBus",
        "createMemoryEventStore",
        "createSession",
        "createSessionHub",
        "fromConfig",
        "hubOf",
        "jwt",
        "lifespanOf",
        "namespaceOf",
        "proxy",
        "serve",
        "serveHttp",
        "serveSse",
        "toFetchHandler",
        "toNodeHandler",
        "toSseFetchHandler",
        "toSseNodeHandler",
      ]
    `);
  });

  test('the runtime exports of @mcpkit/runtime/stdio are pinned', () => {
    expect(Object.keys(stdio).sort()).toMatchInlineSnapshot(`
      [
        "serveStdio",
      ]
    `);
  });

  test('package.json maps both entries to ESM, CJS and types, and ships the CLI', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './stdio', './package.json']);
    expect(pkg.exports['./stdio'].import).toEqual({ types: './dist/stdio.d.ts', default: './dist/stdio.js' });
    expect(pkg.bin).toEqual({ mcpkit: './bin/mcpkit.js' });
  });
});
