import { describe, expect, test } from 'vitest';
import { oauthProxyFromEnv } from './from-env.js';

describe('oauthProxyFromEnv', () => {
  test('is undefined without MCPKIT_OAUTH_PROVIDER', () => {
    expect(oauthProxyFromEnv({})).toBeUndefined();
  });

  test('builds a proxy for each provider kind', () => {
    const base = {
      MCPKIT_BASE_URL: 'https://mcp.example.com',
      MCPKIT_OAUTH_CLIENT_ID: 'id',
      MCPKIT_OAUTH_CLIENT_SECRET: 's',
    };
    for (const kind of ['github', 'google', 'entra']) {
      expect(oauthProxyFromEnv({ ...base, MCPKIT_OAUTH_PROVIDER: kind })?.issuer).toBe('https://mcp.example.com');
    }
    const proxy = oauthProxyFromEnv({
      ...base,
      MCPKIT_OAUTH_PROVIDER: 'oidc',
      MCPKIT_OAUTH_ISSUER: 'https://login.example.com',
      MCPKIT_OAUTH_SCOPES: 'notes:read notes:write',
    });
    expect(proxy?.metadataDocument().scopes_supported).toEqual(['notes:read', 'notes:write']);
  });

  test('names what is missing or wrong', () => {
    expect(() => oauthProxyFromEnv({ MCPKIT_OAUTH_PROVIDER: 'github' })).toThrow('MCPKIT_OAUTH_CLIENT_ID');
    expect(() =>
      oauthProxyFromEnv({
        MCPKIT_OAUTH_PROVIDER: 'okta',
        MCPKIT_OAUTH_CLIENT_ID: 'id',
        MCPKIT_BASE_URL: 'https://x.test',
      }),
    ).toThrow('github, google, entra or oidc');
    expect(() =>
      oauthProxyFromEnv({
        MCPKIT_OAUTH_PROVIDER: 'oidc',
        MCPKIT_OAUTH_CLIENT_ID: 'id',
        MCPKIT_BASE_URL: 'https://x.test',
      }),
    ).toThrow('MCPKIT_OAUTH_ISSUER');
    expect(() =>
      oauthProxyFromEnv({
        MCPKIT_OAUTH_PROVIDER: 'google',
        MCPKIT_OAUTH_CLIENT_ID: 'id',
        MCPKIT_BASE_URL: 'https://x.test',
        MCPKIT_SIGNING_JWK: '{nope',
      }),
    ).toThrow('MCPKIT_SIGNING_JWK');
  });
});
