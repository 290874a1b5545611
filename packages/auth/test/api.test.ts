import { describe, expect, test } from 'vitest';
import * as auth from '../src/index.js';

describe('public API of @mcpkit/auth', () => {
  test('the exports are pinned', () => {
    // A change here is an API change: update the snapshot on purpose, and the docs with it.
    expect(Object.keys(auth).sort()).toMatchInlineSnapshot(`
      [
        "CIMD_DEFAULTS",
        "DEFAULT_LIFETIMES",
        "DEFAULT_MAX_REDIRECT_URIS",
        "DEFAULT_MAX_REQUEST_BYTES",
        "DEFAULT_MEMORY_MAX_ENTRIES",
        "UpstreamError",
        "entra",
        "github",
        "google",
        "memoryStore",
        "oauthProxy",
        "oauthProxyFromEnv",
        "oidc",
        "testStoreContract",
      ]
    `);
  });
});
