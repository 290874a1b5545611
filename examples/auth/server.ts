/**
 * Serves the notes server over Streamable HTTP behind authentication.
 *
 *   MCP_AUTH=bearer (default): demo API keys `alice-key`, `bob-key`, `admin-key`.
 *   MCP_AUTH=jwt: access tokens from a real authorization server, set with
 *     ISSUER, JWKS_URL, RESOURCE_URL (and optionally AUDIENCE, SCOPES).
 *
 * Run: `pnpm --filter @mcpkit/example-auth start` (PORT defaults to 3000).
 */
import { pathToFileURL } from 'node:url';
import type { AuthInfo } from '@mcpkit/core';
import { type Authenticator, bearer, jwt, type ServeHandle, serve } from '@mcpkit/runtime';
import { createNotesServer } from './notes.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The scopes this server understands, published as `scopes_supported`. */
export const SCOPES = ['notes:read', 'notes:write', 'notes:admin'];

/** Demo API keys for bearer mode. Never ship keys in code: look them up in your database. */
const DEMO_KEYS: ReadonlyMap<string, AuthInfo> = new Map([
  ['alice-key', { subject: 'alice', scopes: ['notes:read', 'notes:write'], claims: {} }],
  ['bob-key', { subject: 'bob', scopes: ['notes:read'], claims: {} }],
  ['admin-key', { subject: 'root', scopes: ['notes:read', 'notes:admin'], claims: { role: 'admin' } }],
]);

const required = (env: Env, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`MCP_AUTH=jwt needs ${name} (see examples/auth/README.md)`);
  return value;
};

/** Picks the authenticator and the metadata settings from the environment. */
export const authSettings = (env: Env) => {
  if ((env.MCP_AUTH ?? 'bearer') === 'bearer') {
    const auth: Authenticator = bearer({ verify: (token) => DEMO_KEYS.get(token) });
    return { auth, scopesSupported: SCOPES, resourceName: 'Notes (demo keys)' };
  }
  const issuer = required(env, 'ISSUER');
  const auth = jwt({
    issuer,
    jwksUrl: required(env, 'JWKS_URL'),
    // Without AUDIENCE, tokens must be issued for RESOURCE_URL itself (RFC 8707).
    ...(env.AUDIENCE ? { audience: env.AUDIENCE } : {}),
  });
  return {
    auth,
    resourceUrl: required(env, 'RESOURCE_URL'),
    authorizationServers: [issuer],
    scopesSupported: env.SCOPES ? env.SCOPES.split(' ') : SCOPES,
    resourceName: 'Notes',
  };
};

/** Starts the server; `port: 0` picks a free port. */
export const start = (env: Env, port = Number(env.PORT ?? 3000)): Promise<ServeHandle> =>
  serve(createNotesServer(), {
    transport: 'http',
    port,
    host: env.HOST ?? '127.0.0.1',
    ...authSettings(env),
  });

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const running = await start(process.env);
  console.error(`notes server on ${running.url} (auth: ${process.env.MCP_AUTH ?? 'bearer'})`);
  console.error(`metadata: ${new URL(running.url as string).origin}/.well-known/oauth-protected-resource/mcp`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
