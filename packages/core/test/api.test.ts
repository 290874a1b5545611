import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as core from '../src/index.js';

describe('public API', () => {
  test('the runtime exports of @mcpkit/core are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and the docs with it.
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "APPS_EXTENSION",
        "APP_MIME_TYPE",
        "ClientUnavailableError",
        "DEFAULT_CACHE_HINT",
        "DefinitionError",
        "ErrorCode",
        "INPUT_DEFAULTS",
        "LATEST_LEGACY_PROTOCOL_VERSION",
        "LEGACY_PROTOCOL_VERSIONS",
        "LOG_LEVELS",
        "META",
        "MODERN_PROTOCOL_VERSIONS",
        "McpkitError",
        "OUTGOING_META",
        "ProtocolError",
        "SUPPORTED_PROTOCOL_VERSIONS",
        "StoreUnavailableError",
        "TIMING_META_KEY",
        "ToolError",
        "appResource",
        "ask",
        "audio",
        "callResult",
        "claimsModern",
        "clientExtension",
        "componentKey",
        "componentRef",
        "compose",
        "createMemoryStore",
        "createServer",
        "createTestContext",
        "createVisibility",
        "customMethod",
        "deepFreeze",
        "embedded",
        "encodeMessage",
        "errorHandling",
        "errorResponse",
        "everythingEnabled",
        "failure",
        "hooks",
        "image",
        "initializeResult",
        "inputRequired",
        "isContent",
        "isEnabledUnder",
        "isInputRequired",
        "isLogLevel",
        "isMcpkitError",
        "isProtocolError",
        "isRecord",
        "isRequestId",
        "isStoreUnavailable",
        "lifespansOf",
        "mapStateMethods",
        "mayReadResource",
        "mount",
        "negotiateVersion",
        "notification",
        "outgoingMeta",
        "outwardName",
        "prompt",
        "rateLimit",
        "readBodyWithin",
        "readHello",
        "readMessage",
        "readModernFacts",
        "requestLogging",
        "resource",
        "resourceContents",
        "resourceLink",
        "responseCache",
        "success",
        "supportsApps",
        "text",
        "timeout",
        "timing",
        "toElicitOutcome",
        "toElicitParams",
        "toSamplingParams",
        "tool",
        "transform",
        "unsupportedVersion",
      ]
    `);
  });

  test('package.json exports ESM, CJS and types from dist', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.name).toBe('@mcpkit/core');
    expect(pkg.exports['.']).toEqual({
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    });
    // The SDK is a devDependency: its protocol types are expanded into src/protocol/sdk-types.ts.
    // zod and ArkType are too: the Standard Schema tests use them, the bundle never imports them.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@valibot/to-json-schema', 'valibot']);
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@modelcontextprotocol/sdk', 'arktype', 'zod']);
  });

  test('@mcpkit/core/testing holds the store contract, outside the core bundle', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.exports['./testing'].import).toEqual({ types: './dist/testing.d.ts', default: './dist/testing.js' });
    expect(pkg.peerDependenciesMeta.vitest).toEqual({ optional: true });
    const testing = await import('@mcpkit/core/testing');
    expect(Object.keys(testing).sort()).toEqual(['storeContract']);
    const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(index).not.toMatch(/store-contract|vitest/);
  });
});

describe('core is transport-free', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? files(path)
        : path.endsWith('.ts') && !path.includes('.test.')
          ? [path]
          : [];
    });
  const sources = files(new URL('../src', import.meta.url).pathname);

  test('no source file imports node:* or a Node built-in', () => {
    const builtin =
      /from\s+['"](node:[^'"]+|fs|path|http|https|net|child_process|stream|os|crypto|buffer|events|url|util)['"]/;
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((file) => builtin.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  test('no source file imports the SDK, not even for types (its published .d.ts must not need it)', () => {
    const sdk = /from\s+['"]@modelcontextprotocol\/sdk/;
    expect(sources.filter((file) => sdk.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
