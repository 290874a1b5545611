/**
 * An authenticator that is also an authorization server (like `oauthProxy()`
 * of @mcpkit/auth) brings its routes and metadata defaults: the routes are
 * public, the metadata uses its defaults, the transport's own options win.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Authenticator, serveSse } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const authServer: Authenticator = {
  verify: async (token) => (token === 'good' ? { subject: 'alice', scopes: [], claims: {} } : undefined),
  requiredScopes: [],
  routes: {
    'GET /.well-known/oauth-authorization-server': () => Response.json({ issuer: 'https://as.test' }),
    'post /token': async (request) => Response.json({ got: await request.text() }),
  },
  metadata: {
    resourceUrl: 'https://mcp.test/mcp',
    authorizationServers: ['https://as.test'],
    scopesSupported: ['a', 'b'],
  },
};

describe('authenticator routes and metadata defaults', () => {
  it('mounts the routes without authentication, with 405 for other methods', async () => {
    const running = await startHttp(cleanup, { auth: authServer });
    const origin = new URL(running.url).origin;
    const metadata = await fetch(`${origin}/.well-known/oauth-authorization-server`);
    expect(await metadata.json()).toEqual({ issuer: 'https://as.test' });
    const token = await fetch(`${origin}/token`, { method: 'POST', body: 'grant_type=x' });
    expect(await token.json()).toEqual({ got: 'grant_type=x' });
    expect((await fetch(`${origin}/token`)).status).toBe(405);
  });

  it('fills the protected resource metadata from the authenticator', async () => {
    const running = await startHttp(cleanup, { auth: authServer });
    const origin = new URL(running.url).origin;
    const doc = await (await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(doc).toMatchObject({
      resource: 'https://mcp.test/mcp',
      authorization_servers: ['https://as.test'],
      scopes_supported: ['a', 'b'],
    });
  });

  it("lets the transport's own options win", async () => {
    const running = await startHttp(cleanup, { auth: authServer, authorizationServers: ['https://other.test'] });
    const origin = new URL(running.url).origin;
    const doc = await (await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(doc.authorization_servers).toEqual(['https://other.test']);
  });

  it("refuses a resourceUrl that differs from the authenticator's", async () => {
    await expect(startHttp(cleanup, { auth: authServer, resourceUrl: 'https://other.test/mcp' })).rejects.toThrow(
      /differs from the authenticator's/,
    );
  });

  it('works on legacy SSE too', async () => {
    const running = await serveSse(createDemoServer(), { port: 0, auth: authServer });
    cleanup.add(running.close);
    const origin = new URL(running.url).origin;
    expect((await fetch(`${origin}/.well-known/oauth-authorization-server`)).status).toBe(200);
  });
});
