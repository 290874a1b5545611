import { afterEach, describe, expect, test } from 'vitest';
import { type Running, start } from './server.js';

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

describe('examples/oauth', () => {
  test('serves the metadata MCP clients discover, and sends sign-ins to the local provider', async () => {
    const server = await start({}, 0, 0);
    running.push(server);
    const origin = new URL(server.url).origin;

    const challenge = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toContain(`${origin}/.well-known/oauth-protected-resource/mcp`);

    const resource = await (await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(resource).toMatchObject({ resource: server.url, authorization_servers: [origin] });
    const metadata = await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json();
    expect(metadata).toMatchObject({ issuer: origin, code_challenge_methods_supported: ['S256'] });

    const registration = await fetch(metadata.registration_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: ['http://localhost:6274/oauth/callback'], client_name: 'Inspector' }),
    });
    const { client_id } = await registration.json();
    const authorize = new URL(metadata.authorization_endpoint);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id,
      redirect_uri: 'http://localhost:6274/oauth/callback',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    })) {
      authorize.searchParams.set(k, v);
    }
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')?.startsWith(`${server.upstream}/auth?`)).toBe(true);
  });
});
