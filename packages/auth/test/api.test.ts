import { describe, expect, test } from 'vitest';
import * as auth from '../src/index.js';

describe('public API of @mcpkit/auth', () => {
  test('the exports are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and the docs with it.
    expect(Object.keys(auth).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_MEMORY_MAX_ENTRIES",
        "memoryStore",
        "testStoreContract",
      ]
    `);
  });
});
