/**
 * JWT authentication over Streamable HTTP: the SDK client with a token
 * succeeds; every failure is checked with raw fetch (status, WWW-Authenticate,
 * JSON-RPC body); the Protected Resource Metadata is public.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jwt, type RunningServer } from '../src/index.js';
import {
  authHeaders,
  connectWithToken,
  createAuthServer,
  createKeys,
  ISSUER,
  mintToken,
  readAnswer,
  serveJwks,
  type TestKeys,
  textOf,
} from './auth-helpers.js';
import { createCleanup, initializeMessage, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

let keys: TestKeys;
let running: RunningServer;
let origin: string;

const metadataUrl = () => `${origin}/.well-known/oauth-protected-resource/mcp`;
const token = (claims: Record<string, unknown> = {}) => mintToken(keys, { sub: 'alice', aud: running.url, ...claims });

beforeEach(async () => {
  keys = await createKeys();
  const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
  running = await startHttp(
    cleanup,
    {
      auth: jwt({ jwksUrl, issuer: ISSUER }),
      authorizationServers: [ISSUER],
      scopesSupported: ['notes:read', 'notes:write'],
      resourceName: 'Notes',
    },
    createAuthServer(),
  );
  origin = new URL(running.url).origin;
});

describe('jwt() over Streamable HTTP', () => {
  it('serves an SDK client that sends a valid token, with ctx.auth from the claims', async () => {
    const valid = await token({ scope: 'notes:read notes:write', client_id: 'cli-1' });
    const client = await connectWithToken(cleanup, running.url, () => valid);
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(JSON.parse(textOf(result))).toEqual({
      subject: 'alice',
      scopes: ['notes:read', 'notes:write'],
      clientId: 'cli-1',
    });
    expect(textOf(await client.callTool({ name: 'write_note', arguments: { text: 'hi' } }))).toBe('saved: hi');
  });

  it('answers 401 with resource_metadata and no error when no token is sent, creating no session', async () => {
    const response = await post(running.url, initializeMessage());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${metadataUrl()}"`);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
    const health = await (await fetch(`${origin}/health`)).json();
    expect(health).toEqual({ status: 'ok', sessions: 0 });
  });

  it.each([
    ['a bad signature', async () => mintToken(await createKeys(), { sub: 'alice', aud: running.url })],
    ['the wrong issuer', () => token({ iss: 'https://evil.test/' })],
    ['the wrong audience', () => token({ aud: 'https://other.example/mcp' })],
    ['an expired token', () => token({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a token not yet valid', () => token({ nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['a malformed token', async () => 'not-a-jwt'],
  ])('answers 401 invalid_token for %s, creating no session', async (_name, make) => {
    const bad = await make();
    const response = await post(running.url, initializeMessage(), { authorization: `Bearer ${bad}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", resource_metadata="${metadataUrl()}"`,
    );
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect((await response.json()).error.message).toMatch(/invalid/);
    expect((await (await fetch(`${origin}/health`)).json()).sessions).toBe(0);
  });

  it('reads tokens only from the Authorization header, never the query string or another scheme', async () => {
    const valid = await token();
    const inQuery = await post(`${running.url}?access_token=${valid}`, initializeMessage());
    expect(inQuery.status).toBe(401);
    expect(inQuery.headers.get('www-authenticate')).not.toContain('error=');
    const basic = await post(running.url, initializeMessage(), { authorization: `Basic ${btoa('alice:pw')}` });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).not.toContain('error=');
    const lowercase = await post(running.url, initializeMessage(), { authorization: `bearer ${valid}` });
    expect(lowercase.status).toBe(200);
    await lowercase.body?.cancel();
  });

  it('publishes Protected Resource Metadata at both well-known paths, without a token', async () => {
    const expected = {
      resource: running.url,
      authorization_servers: [ISSUER],
      scopes_supported: ['notes:read', 'notes:write'],
      bearer_methods_supported: ['header'],
      resource_name: 'Notes',
    };
    for (const url of [metadataUrl(), `${origin}/.well-known/oauth-protected-resource`]) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual(expected);
    }
  });

  it('keeps /health public', async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
  });

  it('authenticates GET and DELETE too; a failed one leaves the session alone', async () => {
    const valid = await token();
    const init = await post(running.url, initializeMessage(), { authorization: `Bearer ${valid}` });
    await init.body?.cancel();
    const session = init.headers.get('mcp-session-id') as string;
    expect(session).toBeTruthy();
    const get = await fetch(running.url, { headers: { accept: 'text/event-stream', 'mcp-session-id': session } });
    expect(get.status).toBe(401);
    expect(get.headers.get('www-authenticate')).toContain('resource_metadata=');
    const del = await fetch(running.url, { method: 'DELETE', headers: { 'mcp-session-id': session } });
    expect(del.status).toBe(401);
    const expired = await token({ exp: Math.floor(Date.now() / 1000) - 60 });
    const delExpired = await fetch(running.url, {
      method: 'DELETE',
      headers: { 'mcp-session-id': session, authorization: `Bearer ${expired}` },
    });
    expect(delExpired.status).toBe(401);
    expect((await (await fetch(`${origin}/health`)).json()).sessions).toBe(1);
    const ping = await post(
      running.url,
      { jsonrpc: '2.0', id: 2, method: 'ping' },
      authHeaders(valid, { 'mcp-session-id': session }),
    );
    expect(await readAnswer(ping)).toMatchObject({ id: 2, result: {} });
    const delOk = await fetch(running.url, {
      method: 'DELETE',
      headers: { 'mcp-session-id': session, authorization: `Bearer ${valid}` },
    });
    expect(delOk.status).toBe(204);
  });
});

describe('jwt() options', () => {
  it('answers 401 with the required scopes, and 403 insufficient_scope to a valid token without them', async () => {
    const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
    const strict = await startHttp(
      cleanup,
      { auth: jwt({ jwksUrl, issuer: ISSUER, requiredScopes: ['mcp:use'] }), authorizationServers: [ISSUER] },
      createAuthServer(),
    );
    const where = `${new URL(strict.url).origin}/.well-known/oauth-protected-resource/mcp`;
    const none = await post(strict.url, initializeMessage());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe(`Bearer scope="mcp:use", resource_metadata="${where}"`);
    const weak = await mintToken(keys, { sub: 'alice', aud: strict.url, scope: 'notes:read' });
    const forbidden = await post(strict.url, initializeMessage(), { authorization: `Bearer ${weak}` });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", scope="mcp:use", resource_metadata="${where}"`,
    );
    expect((await forbidden.json()).error.message).toContain('mcp:use');
    const strong = await mintToken(keys, { sub: 'alice', aud: strict.url, scp: ['mcp:use'] });
    const client = await connectWithToken(cleanup, strict.url, () => strong);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).scopes).toEqual(['mcp:use']);
  });

  it('accepts an explicit audience and a fixed public key, and publishes the configured resourceUrl', async () => {
    const fixed = await startHttp(
      cleanup,
      {
        auth: jwt({ publicKey: keys.publicKey, issuer: ISSUER, audience: 'api://notes', algorithms: ['RS256'] }),
        resourceUrl: 'https://mcp.example.com/mcp',
        authorizationServers: [ISSUER],
      },
      createAuthServer(),
    );
    const fixedOrigin = new URL(fixed.url).origin;
    const meta = await (await fetch(`${fixedOrigin}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(meta.resource).toBe('https://mcp.example.com/mcp');
    const none = await post(fixed.url, initializeMessage());
    expect(none.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    const forUrl = await mintToken(keys, { sub: 'bob', aud: fixed.url });
    expect((await post(fixed.url, initializeMessage(), { authorization: `Bearer ${forUrl}` })).status).toBe(401);
    const forApi = await mintToken(keys, { sub: 'bob', aud: ['api://notes', 'other'] });
    const client = await connectWithToken(cleanup, fixed.url, () => forApi);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('bob');
  });

  it('refuses an algorithm outside `algorithms`', async () => {
    const jwksUrl = await serveJwks(cleanup, [keys.jwk]);
    const es = await startHttp(
      cleanup,
      { auth: jwt({ jwksUrl, issuer: ISSUER, algorithms: ['ES256'] }) },
      createAuthServer(),
    );
    const rs = await mintToken(keys, { sub: 'alice', aud: es.url });
    const response = await post(es.url, initializeMessage(), { authorization: `Bearer ${rs}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('rejects incomplete configuration at once', () => {
    expect(() => jwt({ issuer: ISSUER })).toThrow(/jwksUrl/);
    expect(() => jwt({ jwksUrl: 'https://idp.test/jwks', publicKey: keys.publicKey, issuer: ISSUER })).toThrow(
      /exactly one/,
    );
    expect(() => jwt({ jwksUrl: 'https://idp.test/jwks', issuer: '' })).toThrow(/issuer/);
  });
});
