/**
 * Helpers for the authentication tests: locally generated keys, signed
 * tokens, a JWKS served from 127.0.0.1, a server whose tools depend on the
 * caller, and SDK clients that send a bearer token.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, tool } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import * as v from 'valibot';
import type { Cleanup } from './http-helpers.js';
import { postHeaders } from './http-helpers.js';

/** The issuer every test token carries. */
export const ISSUER = 'https://idp.test/';

/** An RS256 key pair with its public JWK (kid `test-key`). */
export interface TestKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

/** Generates a fresh RS256 key pair. */
export const createKeys = async (kid = 'test-key'): Promise<TestKeys> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
};

/** Serves `{ keys }` as a JWKS on 127.0.0.1 (ephemeral port); returns its URL. */
export const serveJwks = async (cleanup: Cleanup, keys: readonly JWK[]): Promise<string> => {
  const server = createHttpServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
};

/** What a test token says; `iss` defaults to ISSUER, `exp` to 5 minutes from now. */
export interface TokenClaims extends JWTPayload {
  readonly aud: string | string[];
}

/** Signs an RS256 access token with `keys`. */
export const mintToken = (keys: TestKeys, claims: TokenClaims): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: keys.jwk.kid, typ: 'at+jwt' })
    .sign(keys.privateKey);
};

/**
 * A server whose components depend on the caller: `whoami` reports ctx.auth,
 * `write_note` needs the `notes:write` scope, `alice_diary` is alice's only.
 */
export const createAuthServer = (): Server =>
  createServer({ name: 'auth-test', version: '1.0.0' }, [
    tool({
      name: 'whoami',
      description: 'Reports the caller as the transport verified it',
      run: (_args, ctx) =>
        JSON.stringify({
          subject: ctx.auth?.subject ?? null,
          scopes: ctx.auth?.scopes ?? null,
          clientId: ctx.auth?.clientId ?? null,
        }),
    }),
    tool({
      name: 'write_note',
      requires: { scopes: ['notes:write'] },
      input: v.object({ text: v.string() }),
      run: ({ text }) => `saved: ${text}`,
    }),
    tool({ name: 'alice_diary', canAccess: (auth) => auth?.subject === 'alice', run: () => 'dear diary' }),
  ]);

/** Headers of an MCP POST carrying `token`. */
export const authHeaders = (token: string, extra: Record<string, string> = {}): Record<string, string> =>
  postHeaders({ authorization: `Bearer ${token}`, ...extra });

/** An SDK client over Streamable HTTP sending `Authorization: Bearer <token()>` (read on every request). */
export const connectWithToken = async (cleanup: Cleanup, url: string, token: () => string): Promise<Client> => {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token()}`);
      return fetch(input, { ...init, headers });
    },
  });
  const client = new Client({ name: 'auth-test', version: '1.0.0' });
  cleanup.add(() => client.close());
  await client.connect(transport);
  return client;
};

/** The text of a tool result's first content block. */
export const textOf = (result: unknown): string => {
  const [first] = (result as { content: { type: string; text?: string }[] }).content;
  return first?.type === 'text' ? (first.text ?? '') : '';
};

/** Names of the tools a client sees. */
export const toolNames = async (client: Client): Promise<string[]> =>
  (await client.listTools()).tools.map((t) => t.name).sort();

/** Reads a JSON-RPC answer whether it came as JSON or as an SSE stream. */
export const readAnswer = async (response: Response): Promise<Record<string, unknown>> => {
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('text/event-stream')) return JSON.parse(text);
  const data = text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .filter(Boolean);
  return JSON.parse(data[data.length - 1] ?? 'null');
};
