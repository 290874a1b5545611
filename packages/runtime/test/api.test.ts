import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as runtime from '../src/index.js';
import * as stdio from '../src/stdio/index.js';
import * as testing from '../src/testing/index.js';

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
        "createStoreEventBus",
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

  test('the runtime exports of @mcpkit/runtime/testing (driver contract suites) are pinned', () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "eventBusContract",
        "eventStoreContract",
      ]
    `);
  });

  test('package.json maps the entries to ESM, CJS and types, and ships the CLI', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './stdio', './testing', './package.json']);
    expect(pkg.exports['./stdio'].import).toEqual({ types: './dist/stdio.d.ts', default: './dist/stdio.js' });
    expect(pkg.exports['./testing'].import).toEqual({ types: './dist/testing.d.ts', default: './dist/testing.js' });
    // vitest stays the user's: the contract suites load it only when a test file imports them.
    expect(pkg.peerDependenciesMeta).toEqual({ vitest: { optional: true } });
    expect(pkg.bin).toEqual({ mcpkit: './bin/mcpkit.js' });
  });
});
