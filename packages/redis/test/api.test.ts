import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';

describe('public API of @mcpkit/redis', () => {
  test('the runtime exports are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and docs/scaling.md with it.
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_COMMAND_TIMEOUT_MS",
        "DEFAULT_CONNECT_TIMEOUT_MS",
        "DEFAULT_KEY_PREFIX",
        "DEFAULT_MAX_EVENTS_PER_STREAM",
        "DEFAULT_MAX_EVENT_BYTES",
        "DEFAULT_MAX_RECONNECT_DELAY_MS",
        "DEFAULT_STREAM_TTL_MS",
        "redisEventBus",
        "redisEventStore",
        "redisStore",
      ]
    `);
  });

  test('package.json maps the entry to ESM, CJS and types, with ioredis its only dependency', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.name).toBe('@mcpkit/redis');
    expect(Object.keys(pkg.exports)).toEqual(['.', './package.json']);
    expect(pkg.exports['.'].import).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.dependencies)).toEqual(['ioredis']);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['@mcpkit/core', '@mcpkit/runtime']);
  });
});
