/** Attacks and mistakes, each refused with a clear answer while the server keeps serving. */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, test } from 'vitest';
import { CookieJar, drive } from './helpers/driver.js';
import {
  authorizeUrl,
  exchange,
  mcpStatus,
  obtainCode,
  pkce,
  REDIRECT,
  register,
  tokenRequest,
} from './helpers/raw.js';
import { type Stack, startStack } from './helpers/stack.js';

const stacks: Stack[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});
const stackWith = async (...args: Parameters<typeof startStack>) => {
  const stack = await startStack(...args);
  stacks.push(stack);
  return stack;
};

describe('redirect URIs', () => {
  test.each([
    ['not registered at all', 'https://attacker.test/cb'],
    ['a trailing slash', `${REDIRECT}/`],
    ['another path', 'http://127.0.0.1:43118/cb2'],
    ['another host', 'http://localhost:43118/cb'],
    ['an extra query', `${REDIRECT}?next=x`],
    ['https instead of http', 'https://127.0.0.1:43118/cb'],
    ['upper case path', 'http://127.0.0.1:43118/CB'],
  ])('a redirect URI differing by %s gets an error page, never a redirect', async (_case, uri) => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const result = await drive(
      authorizeUrl(stack, clientId, pkce().challenge, { redirect_uri: uri }),
      'https://never/',
    );
    expect(result.kind).toBe('page');
    if (result.kind === 'page') {
      expect(result.status).toBe(400);
      expect(result.html).toContain('redirect URI is not registered');
    }
  });

  test('a loopback redirect may use another port (RFC 8252), and the code comes back there', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const other = 'http://127.0.0.1:50999/cb';
    const result = await drive(authorizeUrl(stack, clientId, pkce().challenge, { redirect_uri: other }), other);
    expect(result.kind === 'redirect' && result.url.searchParams.get('code')).toBeTruthy();
  });

  test('DCR refuses bad redirect URIs and oversized bodies', async () => {
    const stack = await stackWith();
    const post = (body: string) =>
      fetch(`${stack.baseUrl}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const http = await post(JSON.stringify({ redirect_uris: ['http://example.com/cb'] }));
    expect(http.status).toBe(400);
    expect(((await http.json()) as { error: string }).error).toBe('invalid_redirect_uri');
    const js = await post(JSON.stringify({ redirect_uris: ['javascript:alert(1)'] }));
    expect(js.status).toBe(400);
    const big = await post(JSON.stringify({ redirect_uris: [REDIRECT], client_name: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect((await post('not json')).status).toBe(400);
    const many = await post(JSON.stringify({ redirect_uris: Array.from({ length: 21 }, (_, i) => `${REDIRECT}${i}`) }));
    expect(many.status).toBe(400);
  });
});

describe('PKCE', () => {
  test('an authorization request without S256 PKCE is sent back with invalid_request', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const cases: Record<string, string | null>[] = [
      { code_challenge: null },
      { code_challenge_method: 'plain' },
      { code_challenge_method: null },
    ];
    for (const overrides of cases) {
      const result = await drive(authorizeUrl(stack, clientId, pkce().challenge, overrides), REDIRECT);
      expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('invalid_request');
      expect(result.kind === 'redirect' && result.url.searchParams.get('state')).toBe('client-state');
    }
  });

  test('a missing or wrong verifier fails, and burns the code', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const { code } = await obtainCode(stack, clientId, challenge);
    const missing = await tokenRequest(stack, {
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      redirect_uri: REDIRECT,
    });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange(stack, clientId, code, verifier)).toMatchObject({ status: 400 });

    const second = pkce();
    const { code: code2 } = await obtainCode(stack, clientId, second.challenge);
    expect(await exchange(stack, clientId, code2, pkce().verifier)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });
});

describe('codes and refresh tokens', () => {
  test('a code used twice fails, and revokes the tokens its first use got', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const { code } = await obtainCode(stack, clientId, challenge);
    const first = await exchange(stack, clientId, code, verifier);
    expect(first.status).toBe(200);
    expect(await mcpStatus(stack, first.body.access_token as string)).toBe(200);

    expect(await exchange(stack, clientId, code, verifier)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(await mcpStatus(stack, first.body.access_token as string)).toBe(401);
    const refresh = await tokenRequest(stack, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
      client_id: clientId,
    });
    expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  test('a code redeemed with another redirect URI or by another client fails', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const otherClient = await register(stack);
    const { verifier, challenge } = pkce();
    const a = await obtainCode(stack, clientId, challenge);
    expect(
      await tokenRequest(stack, {
        grant_type: 'authorization_code',
        code: a.code,
        code_verifier: verifier,
        client_id: clientId,
        redirect_uri: 'http://127.0.0.1:43118/other',
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const b = await obtainCode(stack, clientId, challenge);
    expect(await exchange(stack, otherClient, b.code, verifier)).toMatchObject({ status: 400 });
  });

  test('a refresh token used again after rotation fails and revokes the whole grant', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const { code } = await obtainCode(stack, clientId, challenge);
    const first = await exchange(stack, clientId, code, verifier);
    const refresh = (token: string) =>
      tokenRequest(stack, { grant_type: 'refresh_token', refresh_token: token, client_id: clientId });
    const rotated = await refresh(first.body.refresh_token as string);
    expect(rotated.status).toBe(200);
    expect(await mcpStatus(stack, rotated.body.access_token as string)).toBe(200);

    expect(await refresh(first.body.refresh_token as string)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    // The thief or the victim, whichever holds the newest token, is cut off too.
    expect(await refresh(rotated.body.refresh_token as string)).toMatchObject({ status: 400 });
    expect(await mcpStatus(stack, rotated.body.access_token as string)).toBe(401);
  });

  test('revoking a refresh token ends its access tokens', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const tokens = await exchange(stack, clientId, (await obtainCode(stack, clientId, challenge)).code, verifier);
    const response = await fetch(`${stack.baseUrl}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.body.refresh_token as string, client_id: clientId }),
    });
    expect(response.status).toBe(200);
    expect(await mcpStatus(stack, tokens.body.access_token as string)).toBe(401);
  });
});

describe('scopes', () => {
  test('unknown scopes are ignored, never granted; a refresh cannot widen the grant', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const url = authorizeUrl(stack, clientId, challenge, { scope: 'openid notes:write admin offline_access' });
    const result = await drive(url, REDIRECT);
    if (result.kind !== 'redirect') throw new Error('no redirect');
    const tokens = await exchange(stack, clientId, result.url.searchParams.get('code') ?? '', verifier);
    expect(tokens.body.scope).toBe('notes:write');
    const wider = await tokenRequest(stack, {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token as string,
      client_id: clientId,
      scope: 'notes:write notes:read',
    });
    expect(wider).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });
});

describe('audience', () => {
  test('an authorization request for another resource is refused with invalid_target', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const result = await drive(
      authorizeUrl(stack, clientId, pkce().challenge, { resource: 'https://other.example/mcp' }),
      REDIRECT,
    );
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('invalid_target');
  });

  test('a token signed with the server key but for another resource is rejected with 401', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const signingKey = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'k1' };
    const stack = await stackWith({ signingKey });
    const clientId = await register(stack);
    const { verifier, challenge } = pkce();
    const good = await exchange(stack, clientId, (await obtainCode(stack, clientId, challenge)).code, verifier);
    expect(await mcpStatus(stack, good.body.access_token as string)).toBe(200);
    const claims = JSON.parse(
      Buffer.from((good.body.access_token as string).split('.')[1] ?? '', 'base64url').toString(),
    );
    const forged = await new SignJWT({ ...claims, aud: 'https://other.example/mcp' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .sign(privateKey);
    expect(await mcpStatus(stack, forged)).toBe(401);
  });
});

describe('consent and upstream', () => {
  test('a consent POST without the CSRF token is refused with 403, and no code is issued', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const result = await drive(authorizeUrl(stack, clientId, pkce().challenge), REDIRECT, { dropCsrf: true });
    expect(result.kind === 'page' && result.status).toBe(403);
  });

  test('denying consent sends access_denied back to the client', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const result = await drive(authorizeUrl(stack, clientId, pkce().challenge), REDIRECT, { consent: 'deny' });
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('access_denied');
  });

  test('a callback with an unknown state, or from another browser, gets an error page', async () => {
    const stack = await stackWith();
    const forged = await fetch(`${stack.baseUrl}/oauth/callback?state=forged&code=abc`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('unknown, expired, or was started in another browser');

    // A real state, but the browser that comes back is not the one that started the sign-in.
    const clientId = await register(stack);
    const start = await fetch(authorizeUrl(stack, clientId, pkce().challenge), { redirect: 'manual' });
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state');
    const other = await fetch(`${stack.baseUrl}/oauth/callback?state=${state}&code=abc`, {
      headers: { cookie: `mcpkit_signin_${state?.slice(0, 12)}=someone-else` },
    });
    expect(other.status).toBe(400);
  });

  test('two sign-ins interleaved in one browser both finish', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const jar = new CookieJar();
    const first = await fetch(authorizeUrl(stack, clientId, pkce().challenge, { state: 'first' }), {
      redirect: 'manual',
    });
    jar.store(stack.baseUrl, first);
    const second = await drive(authorizeUrl(stack, clientId, pkce().challenge, { state: 'second' }), REDIRECT, {}, jar);
    const resumed = await drive(first.headers.get('location') ?? '', REDIRECT, {}, jar);
    expect(second.kind === 'redirect' && second.url.searchParams.get('state')).toBe('second');
    expect(resumed.kind === 'redirect' && resumed.url.searchParams.get('state')).toBe('first');
    expect(resumed.kind === 'redirect' && resumed.url.searchParams.get('code')).toBeTruthy();
  });

  test('a cancelled upstream sign-in comes back to the client as access_denied', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const result = await drive(authorizeUrl(stack, clientId, pkce().challenge), REDIRECT, { upstream: 'cancel' });
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('access_denied');
    expect(result.kind === 'redirect' && result.url.searchParams.get('state')).toBe('client-state');
  });

  test('an upstream error other than a refusal comes back as server_error', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    const jar = new CookieJar();
    const start = await fetch(authorizeUrl(stack, clientId, pkce().challenge), { redirect: 'manual' });
    jar.store(stack.baseUrl, start);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state');
    const result = await drive(
      `${stack.baseUrl}/oauth/callback?state=${state}&error=server_error&error_description=boom`,
      REDIRECT,
      {},
      jar,
    );
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('server_error');
  });

  test('an unreachable upstream gives the client temporarily_unavailable, and the server keeps serving', async () => {
    const stack = await stackWith();
    const clientId = await register(stack);
    await stack.upstream.close();
    const result = await drive(authorizeUrl(stack, clientId, pkce().challenge), REDIRECT);
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('temporarily_unavailable');
    expect(stack.errors.length).toBeGreaterThan(0);
    expect((await fetch(`${stack.baseUrl}/.well-known/oauth-authorization-server`)).status).toBe(200);
  });
});
