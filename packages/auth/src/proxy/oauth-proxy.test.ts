import { describe, expect, test } from 'vitest';
import { github } from '../upstream/github.js';
import { oauthProxy } from './oauth-proxy.js';

const provider = github({ clientId: 'id', clientSecret: 'secret' });

describe('oauthProxy() options', () => {
  test('baseUrl must be https, or http on loopback only', () => {
    expect(() => oauthProxy({ provider, baseUrl: 'http://mcp.example.com' })).toThrow(TypeError);
    expect(() => oauthProxy({ provider, baseUrl: 'not a url' })).toThrow(TypeError);
    expect(() => oauthProxy({ provider, baseUrl: 'https://mcp.example.com?x=1' })).toThrow(TypeError);
    expect(oauthProxy({ provider, baseUrl: 'http://127.0.0.1:3000' }).issuer).toBe('http://127.0.0.1:3000');
    expect(oauthProxy({ provider, baseUrl: 'https://mcp.example.com/' }).issuer).toBe('https://mcp.example.com');
  });

  test('bad lifetimes, default scopes and providers are refused', () => {
    const baseUrl = 'https://mcp.example.com';
    expect(() => oauthProxy({ provider, baseUrl, lifetimes: { accessToken: 0 } })).toThrow(TypeError);
    expect(() => oauthProxy({ provider, baseUrl, lifetimes: { code: -1 } })).toThrow(TypeError);
    expect(() => oauthProxy({ provider, baseUrl, scopes: ['a'], defaultScopes: ['b'] })).toThrow(TypeError);
    expect(() => oauthProxy({ provider: {} as never, baseUrl })).toThrow(TypeError);
  });

  test('a baseUrl with a path moves the routes under it and follows RFC 8414 for the metadata', () => {
    const proxy = oauthProxy({ provider, baseUrl: 'https://example.com/auth', scopes: ['notes:read'] });
    expect(Object.keys(proxy.routes ?? {}).sort()).toEqual([
      'GET /.well-known/oauth-authorization-server/auth',
      'GET /.well-known/openid-configuration/auth',
      'GET /auth/.well-known/openid-configuration',
      'GET /auth/authorize',
      'GET /auth/oauth/callback',
      'GET /auth/oauth/consent',
      'GET /auth/oauth/jwks.json',
      'POST /auth/oauth/consent',
      'POST /auth/register',
      'POST /auth/revoke',
      'POST /auth/token',
    ]);
    expect(proxy.metadataDocument()).toMatchObject({
      issuer: 'https://example.com/auth',
      authorization_endpoint: 'https://example.com/auth/authorize',
      code_challenge_methods_supported: ['S256'],
      client_id_metadata_document_supported: true,
      scopes_supported: ['notes:read'],
    });
    expect(proxy.metadata).toMatchObject({
      resourceUrl: 'https://example.com/auth/mcp',
      authorizationServers: ['https://example.com/auth'],
    });
  });

  test('registration and CIMD can be turned off', () => {
    const proxy = oauthProxy({
      provider,
      baseUrl: 'https://mcp.example.com',
      registration: false,
      cimd: { enabled: false },
    });
    expect(Object.keys(proxy.routes ?? {})).not.toContain('POST /register');
    expect(proxy.metadataDocument()).not.toHaveProperty('registration_endpoint');
    expect(proxy.metadataDocument().client_id_metadata_document_supported).toBe(false);
  });
});
