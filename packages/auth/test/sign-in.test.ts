/**
 * End to end on 127.0.0.1: the official SDK v1 client discovers the server,
 * registers (DCR), signs in through the proxy at a real oidc-provider, gets
 * tokens, calls tools, refreshes. The user's part is played by a plain HTTP
 * driver here; browser.test.ts plays it in headless Chromium.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, test } from 'vitest';
import { connect, finishAuth, MemoryClientProvider, textOf } from './helpers/client.js';
import { drive } from './helpers/driver.js';
import { type Stack, startStack } from './helpers/stack.js';

const REDIRECT = 'http://127.0.0.1:43117/callback';
const stacks: Stack[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});
const stackWith = async (...args: Parameters<typeof startStack>) => {
  const stack = await startStack(...args);
  stacks.push(stack);
  return stack;
};

/** The SDK's whole flow: 401, discovery, registration, sign-in, code exchange, reconnect. */
const signIn = async (stack: Stack, provider: MemoryClientProvider, choices = {}) => {
  const first = await connect(stack.mcpUrl, provider);
  expect(first).toBeInstanceOf(Error);
  const authorizationUrl = provider.authorizationUrl;
  if (!authorizationUrl) throw new Error('the SDK did not start authorization');
  const result = await drive(authorizationUrl.href, REDIRECT, choices);
  if (result.kind !== 'redirect') throw new Error(`sign-in stopped at a page (${result.status}): ${result.html}`);
  const code = result.url.searchParams.get('code');
  if (!code) throw new Error(`no code: ${result.url}`);
  await finishAuth(stack.mcpUrl, provider, code);
  const client = await connect(stack.mcpUrl, provider);
  if (!(client instanceof Error)) clients.push(client);
  return { client, authorizationUrl, result };
};

describe('sign-in with the SDK v1 client (DCR)', () => {
  test('discovery, registration, sign-in, consent, code exchange, then tools/call as the user', async () => {
    const stack = await stackWith();
    const provider = new MemoryClientProvider(REDIRECT);
    const { client, authorizationUrl, result } = await signIn(stack, provider);
    if (client instanceof Error) throw client;

    // The SDK sent PKCE S256 and the resource (RFC 8707); the consent page was shown.
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('resource')).toBe(stack.mcpUrl);
    expect(result.kind === 'redirect' && result.consentShown).toBe(true);

    const who = JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })));
    expect(who).toEqual({
      subject: 'alice',
      scopes: ['notes:read', 'notes:write'],
      clientId: provider.clientInformation()?.client_id,
    });
    // The SDK asked for the advertised scopes, so `requires: notes:write` lets it in.
    expect(textOf(await client.callTool({ name: 'write_note', arguments: { text: 'hi' } }))).toBe('saved: hi');
    // The handler reaches the upstream API as alice; the MCP client never saw that token.
    const profile = JSON.parse(textOf(await client.callTool({ name: 'upstream_profile', arguments: {} })));
    expect(profile).toMatchObject({ status: 200, sub: 'alice' });
    expect(JSON.stringify(provider.tokens())).not.toContain(profile.token);
  });

  test('a refresh rotates the refresh token and the new access token works', async () => {
    const stack = await stackWith();
    const provider = new MemoryClientProvider(REDIRECT);
    await signIn(stack, provider);
    const before = provider.tokens();
    const response = await fetch(`${stack.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: before?.refresh_token ?? '',
        client_id: provider.clientInformation()?.client_id ?? '',
      }),
    });
    expect(response.status).toBe(200);
    const fresh = (await response.json()) as { access_token: string; refresh_token: string };
    expect(fresh.refresh_token).not.toBe(before?.refresh_token);
    provider.saveTokens({ ...fresh, token_type: 'Bearer' });
    const client = await connect(stack.mcpUrl, provider);
    if (client instanceof Error) throw client;
    clients.push(client);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('alice');
  });

  test('an approval is remembered for this user and client: the second sign-in skips the consent page', async () => {
    const stack = await stackWith();
    const provider = new MemoryClientProvider(REDIRECT);
    await signIn(stack, provider);
    provider.saveTokens(undefined as never);
    const second = await signIn(stack, provider);
    expect(second.result.kind === 'redirect' && second.result.consentShown).toBe(false);
    expect(second.client).not.toBeInstanceOf(Error);
  });

  test('an expired upstream access token is refreshed transparently when a handler asks for it', async () => {
    // The upstream issues 10 s tokens; the proxy renews 30 s before expiry, so every use here needs a refresh.
    const stack = await stackWith({}, { accessTokenTtl: 10 });
    const provider = new MemoryClientProvider(REDIRECT);
    const { client } = await signIn(stack, provider);
    if (client instanceof Error) throw client;
    const first = JSON.parse(textOf(await client.callTool({ name: 'upstream_profile', arguments: {} })));
    const second = JSON.parse(textOf(await client.callTool({ name: 'upstream_profile', arguments: {} })));
    expect(first).toMatchObject({ status: 200, sub: 'alice' });
    expect(second).toMatchObject({ status: 200, sub: 'alice' });
    expect(second.token).not.toBe(first.token);
    expect(stack.errors).toEqual([]);
  });

  test('a request not signed in through the proxy gets a tool error from the upstream accessor', async () => {
    const stack = await stackWith();
    await expect(stack.proxy.upstream(undefined)).rejects.toThrow('not signed in through the OAuth proxy');
    await expect(
      stack.proxy.upstream({ subject: 'x', scopes: [], claims: { gid: 'revoked-or-unknown' } }),
    ).rejects.toThrow('revoked');
  });

  test('an ID token with the wrong nonce is refused: the client gets server_error, the server logs why', async () => {
    const stack = await stackWith({}, {}, (provider) => ({
      ...provider,
      // As if the ID token had been minted for another sign-in.
      exchange: (input) => provider.exchange({ ...input, nonce: 'another-sign-in' }),
    }));
    const provider = new MemoryClientProvider(REDIRECT);
    await connect(stack.mcpUrl, provider);
    const result = await drive((provider.authorizationUrl as URL).href, REDIRECT);
    expect(result.kind === 'redirect' && result.url.searchParams.get('error')).toBe('server_error');
    expect(result.kind === 'redirect' && result.url.searchParams.get('code')).toBeNull();
    expect(String(stack.errors[0])).toContain('nonce mismatch');
  });

  test('the SDK refreshes by itself when the server refuses its access token', async () => {
    const stack = await stackWith();
    const provider = new MemoryClientProvider(REDIRECT);
    await signIn(stack, provider);
    const before = provider.tokens();
    // As if the access token had expired: the server answers 401 invalid_token.
    provider.saveTokens({ ...(before as NonNullable<typeof before>), access_token: 'expired' });
    const client = await connect(stack.mcpUrl, provider);
    if (client instanceof Error) throw client;
    clients.push(client);
    expect(JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).subject).toBe('alice');
    expect(provider.tokens()?.refresh_token).not.toBe(before?.refresh_token);
  });
});
