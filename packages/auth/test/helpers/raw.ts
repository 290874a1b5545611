/** A client written by hand against the proxy's endpoints, for the cases the SDK would never send. */
import { createHash, randomBytes } from 'node:crypto';
import { drive, type UserChoices } from './driver.js';
import type { Stack } from './stack.js';

export const REDIRECT = 'http://127.0.0.1:43118/cb';

/** Registers a public client (DCR); returns its id. */
export const register = async (stack: Stack, redirectUris: string[] = [REDIRECT]): Promise<string> => {
  const response = await fetch(`${stack.baseUrl}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Raw', redirect_uris: redirectUris, token_endpoint_auth_method: 'none' }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status}`);
  return ((await response.json()) as { client_id: string }).client_id;
};

/** A PKCE pair. */
export const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** The authorization URL with the usual parameters; `overrides` set (or, with null, remove) any. */
export const authorizeUrl = (
  stack: Stack,
  clientId: string,
  challenge: string,
  overrides: Record<string, string | null> = {},
): string => {
  const url = new URL(`${stack.baseUrl}/authorize`);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'client-state',
    resource: stack.mcpUrl,
    ...overrides,
  };
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
};

/** Signs in through the proxy and returns the code (and the redirect URL it came on). */
export const obtainCode = async (
  stack: Stack,
  clientId: string,
  challenge: string,
  choices: UserChoices = {},
): Promise<{ code: string; url: URL }> => {
  const result = await drive(authorizeUrl(stack, clientId, challenge), REDIRECT, choices);
  if (result.kind !== 'redirect') throw new Error(`stopped at a page: ${result.status}`);
  return { code: result.url.searchParams.get('code') ?? '', url: result.url };
};

/** POSTs a form to the token endpoint. */
export const tokenRequest = async (stack: Stack, form: Record<string, string>) => {
  const response = await fetch(`${stack.baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

/** Exchanges a code the ordinary way. */
export const exchange = (stack: Stack, clientId: string, code: string, verifier: string) =>
  tokenRequest(stack, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: clientId,
    redirect_uri: REDIRECT,
  });

/** The HTTP status of an MCP initialize carrying `token`. */
export const mcpStatus = async (stack: Stack, token: string): Promise<number> => {
  const response = await fetch(stack.mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    }),
  });
  await response.body?.cancel();
  return response.status;
};
