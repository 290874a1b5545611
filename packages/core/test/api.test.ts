import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as core from '../src/index.js';

describe('public API', () => {
  test('the runtime exports of @mcpkit/core are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and the docs with it.
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
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
        "TIMING_META_KEY",
        "ToolError",
        "ask",
        "audio",
        "callResult",
        "claimsModern",
        "clientExtension",
        "componentKey",
        "compose",
        "createMemoryStore",
        "createServer",
        "createTestContext",
        "customMethod",
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
        "isInputRequired",
        "isLogLevel",
        "isMcpkitError",
        "isProtocolError",
        "isRecord",
        "isRequestId",
        "lifespansOf",
        "mayReadResource",
        "mount",
        "negotiateVersion",
        "notification",
        "outgoingMeta",
        "outwardName",
        "prompt",
        "rateLimit",
        "readHello",
        "readMessage",
        "readModernFacts",
        "requestLogging",
        "resource",
        "resourceContents",
        "resourceLink",
        "responseCache",
        "success",
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
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@modelcontextprotocol/sdk',
      '@valibot/to-json-schema',
      'valibot',
    ]);
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

  test('the SDK is imported for types only', () => {
    const valueImport = /^import\s+(?!type\b)[^;]*from\s+['"]@modelcontextprotocol\/sdk/m;
    const reexport = /^export\s+(?!type\b)[^;]*from\s+['"]@modelcontextprotocol\/sdk/m;
    expect(
      sources.filter(
        (file) => valueImport.test(readFileSync(file, 'utf8')) || reexport.test(readFileSync(file, 'utf8')),
      ),
    ).toEqual([]);
  });
});
