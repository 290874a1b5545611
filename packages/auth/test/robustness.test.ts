/** Bad input to every endpoint gets a 4xx with a clear error, never a 5xx, and the server keeps serving. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pkce, REDIRECT, register } from './helpers/raw.js';
import { type Stack, startStack } from './helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${stack.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });

describe('the token endpoint refuses malformed requests', () => {
  test('not a form, a repeated parameter, an oversized body, an unknown grant type', async () => {
    const clientId = await register(stack);
    const json = await post('/token', '{}', { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
    const twice = await post('/token', `client_id=${clientId}&code=a&code=b&grant_type=authorization_code`);
    expect(((await twice.json()) as { error: string }).error).toBe('invalid_request');
    const big = await post('/token', `client_id=${clientId}&x=${'a'.repeat(70_000)}`);
    expect(big.status).toBe(400);
    const unknown = await post('/token', `client_id=${clientId}&grant_type=password&username=a&password=b`);
    expect(((await unknown.json()) as { error: string }).error).toBe('unsupported_grant_type');
    const noClient = await post('/token', 'grant_type=authorization_code&code=x');
    expect(noClient.status).toBe(401);
  });

  test('a confidential client must prove its secret', async () => {
    const registration = await fetch(`${stack.baseUrl}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_basic' }),
    });
    const { client_id, client_secret } = (await registration.json()) as { client_id: string; client_secret: string };
    expect(client_secret).toBeTruthy();
    const basic = (secret: string) => `Basic ${btoa(`${client_id}:${secret}`)}`;
    const wrong = await post('/token', 'grant_type=refresh_token&refresh_token=x', { authorization: basic('nope') });
    expect(wrong.status).toBe(401);
    const none = await post('/token', `grant_type=refresh_token&refresh_token=x&client_id=${client_id}`);
    expect(none.status).toBe(401);
    const right = await post('/token', 'grant_type=refresh_token&refresh_token=x', {
      authorization: basic(client_secret),
    });
    expect(right.status).toBe(400);
    expect(((await right.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('random input', () => {
  const text = fc.string({ maxLength: 60 });
  const params = fc.dictionary(
    fc.constantFrom(
      'client_id',
      'redirect_uri',
      'response_type',
      'code_challenge',
      'code_challenge_method',
      'state',
      'scope',
      'resource',
      'code',
      'request',
      'csrf',
      'error',
      'grant_type',
      'refresh_token',
      'code_verifier',
      'token',
    ),
    text,
  );

  test('never gets a 5xx from any sign-in endpoint', async () => {
    const clientId = await register(stack);
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), async (given, realClient) => {
        const query = new URLSearchParams({
          ...given,
          ...(realClient ? { client_id: clientId, code_challenge: pkce().challenge } : {}),
        });
        for (const path of ['/authorize', '/oauth/callback', '/oauth/consent']) {
          const response = await fetch(`${stack.baseUrl}${path}?${query}`, { redirect: 'manual' });
          await response.body?.cancel();
          expect(response.status, path).toBeLessThan(500);
        }
        for (const path of ['/token', '/revoke', '/oauth/consent']) {
          const response = await post(path, query.toString());
          await response.body?.cancel();
          expect(response.status, path).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
    expect((await fetch(`${stack.baseUrl}/.well-known/oauth-authorization-server`)).status).toBe(200);
  });

  test('never gets a 5xx from registration', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const response = await fetch(`${stack.baseUrl}/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await response.body?.cancel();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
