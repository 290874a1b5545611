import type { AuthInfo } from '@mcpkit/core';
import { type Authenticator, jwt } from '@mcpkit/runtime';
import { randomToken } from '../crypto/random.js';
import { createSealer, type Sealer } from '../crypto/sealer.js';
import { authorize } from '../server/authorize.js';
import { callback } from '../server/callback.js';
import { decideConsent, showConsent } from '../server/consent.js';
import type { ServerContext } from '../server/context.js';
import { authorizationServerMetadata } from '../server/metadata.js';
import type { GrantRecord } from '../server/records.js';
import { register } from '../server/register.js';
import { revoke } from '../server/revoke.js';
import { createSigner } from '../server/signer.js';
import { token } from '../server/token.js';
import { createUpstreamAccess, type UpstreamAccess } from '../server/upstream-access.js';
import { memoryStore } from '../storage/memory.js';
import {
  DEFAULT_LIFETIMES,
  DEFAULT_MAX_REDIRECT_URIS,
  DEFAULT_MAX_REQUEST_BYTES,
  type OAuthProxyOptions,
} from './options.js';

/** An authenticator that is also the authorization server: pass it as the transport's `auth`. */
export interface OAuthProxy extends Authenticator {
  /** The issuer identifier of the tokens it issues. */
  readonly issuer: string;
  /**
   * The signed-in user's upstream access token, for a handler to call the
   * provider's API (refreshed first when expired). Rejects for requests not
   * signed in through this proxy, or when the upstream sign-in cannot be renewed.
   *
   * @example
   * const token = await auth.upstream(ctx.auth);
   * await fetch('https://api.github.com/user/repos', { headers: { authorization: `Bearer ${token.accessToken}` } });
   */
  readonly upstream: (auth: AuthInfo | undefined) => Promise<UpstreamAccess>;
  /** The authorization server metadata it publishes (RFC 8414). */
  readonly metadataDocument: () => Record<string, unknown>;
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

const positive = (name: string, value: number) => {
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`oauthProxy(): ${name} must be a non-negative number`);
  return value;
};

/**
 * Makes the server the OAuth 2.1 authorization server MCP clients expect
 * (metadata, DCR, client ID metadata documents, PKCE, refresh rotation,
 * revocation, a consent page), with sign-in delegated to an upstream
 * identity provider. Access tokens are short-lived JWTs for this server's
 * resource URL, verified by `jwt()`, so `ctx.auth`, scopes, `requires` and
 * session binding work as with any other authorization server.
 *
 * @example
 * const auth = oauthProxy({
 *   provider: github({ clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! }),
 *   baseUrl: 'https://mcp.example.com',
 *   encryptionKey: process.env.MCPKIT_AUTH_KEY,
 * });
 * await serveHttp(server, { auth });
 */
export const oauthProxy = (options: OAuthProxyOptions): OAuthProxy => {
  if (options?.provider?.kind !== 'upstream')
    throw new TypeError('oauthProxy(): options.provider must be an upstream provider');
  if (!options.baseUrl || !URL.canParse(options.baseUrl))
    throw new TypeError('oauthProxy(): options.baseUrl must be an absolute URL');
  const base = new URL(options.baseUrl);
  if (base.search || base.hash) throw new TypeError('oauthProxy(): baseUrl must have no query or fragment');
  // OAuth 2.1 needs TLS on every endpoint but loopback ones (local development).
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname))) {
    throw new TypeError('oauthProxy(): baseUrl must be https (http only on 127.0.0.1, [::1] or localhost)');
  }
  const issuer = base.href.replace(/\/+$/, '');
  const resource = options.resourceUrl ?? `${issuer}/mcp`;
  if (!URL.canParse(resource) || new URL(resource).hash)
    throw new TypeError('oauthProxy(): resourceUrl must be an absolute URL without fragment');
  const prefix = base.pathname.replace(/\/+$/, '');
  const scopes = [...(options.scopes ?? [])];
  const lifetimes = { ...DEFAULT_LIFETIMES };
  for (const [name, value] of Object.entries(options.lifetimes ?? {})) {
    if (value !== undefined && name in lifetimes)
      lifetimes[name as keyof typeof lifetimes] = positive(`lifetimes.${name}`, value) as never;
  }
  for (const name of ['accessToken', 'refreshToken', 'code', 'signIn', 'client'] as const) {
    if (lifetimes[name] <= 0) throw new TypeError(`oauthProxy(): lifetimes.${name} must be positive`);
  }
  let sealer: Promise<Sealer> | undefined;
  const path = (p: string) => `${prefix}${p}`;
  const url = (p: string) => `${base.origin}${path(p)}`;
  const ctx: ServerContext = {
    issuer,
    urls: {
      authorize: url('/authorize'),
      token: url('/token'),
      register: url('/register'),
      revoke: url('/revoke'),
      callback: url('/oauth/callback'),
      consent: url('/oauth/consent'),
      jwks: url('/oauth/jwks.json'),
    },
    resource,
    resourceName: options.resourceName ?? new URL(resource).host,
    scopesSupported: scopes,
    defaultScopes: [...(options.defaultScopes ?? scopes)],
    store: options.store ?? memoryStore(),
    sealer: () => {
      sealer ??= createSealer(options.encryptionKey ?? randomToken(32));
      return sealer;
    },
    signer: createSigner(options.signingKey),
    provider: options.provider,
    lifetimes,
    cimd: options.cimd ?? {},
    registration: options.registration ?? true,
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    maxRedirectUris: options.maxRedirectUris ?? DEFAULT_MAX_REDIRECT_URIS,
    secureCookies: base.protocol === 'https:',
    onError: options.onError ?? ((error) => console.error('[mcpkit/auth]', error)),
  };
  if (ctx.defaultScopes.some((s) => !scopes.includes(s)))
    throw new TypeError('oauthProxy(): defaultScopes must be among scopes');

  const metadata = () => authorizationServerMetadata(ctx);
  const serveMetadata = () => Response.json(metadata(), { headers: { 'cache-control': 'max-age=3600' } });
  const routes: Record<string, (request: Request) => Promise<Response> | Response> = {
    [`GET /.well-known/oauth-authorization-server${prefix}`]: serveMetadata,
    [`GET /.well-known/openid-configuration${prefix}`]: serveMetadata,
    [`GET ${path('/authorize')}`]: authorize(ctx),
    [`POST ${path('/token')}`]: token(ctx),
    [`POST ${path('/revoke')}`]: revoke(ctx),
    [`GET ${path('/oauth/callback')}`]: callback(ctx),
    [`GET ${path('/oauth/consent')}`]: showConsent(ctx),
    [`POST ${path('/oauth/consent')}`]: decideConsent(ctx),
    [`GET ${path('/oauth/jwks.json')}`]: async () =>
      Response.json(await ctx.signer.jwks(), { headers: { 'cache-control': 'max-age=300' } }),
  };
  if (prefix) routes[`GET ${prefix}/.well-known/openid-configuration`] = serveMetadata;
  if (ctx.registration) routes[`POST ${path('/register')}`] = register(ctx);

  // The tokens are checked by the runtime's own JWT verifier; then the grant must still exist (revocation).
  let verifier: Promise<Authenticator> | undefined;
  const verifierOf = () => {
    verifier ??= ctx.signer
      .publicKey()
      .then((publicKey) => jwt({ publicKey, issuer, audience: resource, algorithms: [ctx.signer.algorithm] }));
    return verifier;
  };
  const proxy: OAuthProxy = {
    issuer,
    verify: async (accessToken, context) => {
      const info = await (await verifierOf()).verify(accessToken, context);
      const grantId = info?.claims.gid;
      if (!info || typeof grantId !== 'string') return undefined;
      const grant = await ctx.store.get<GrantRecord>(`grant:${grantId}`);
      return grant && grant.subject === info.subject ? info : undefined;
    },
    requiredScopes: Object.freeze([...(options.requiredScopes ?? [])]),
    routes: Object.freeze(routes),
    metadata: Object.freeze({
      resourceUrl: resource,
      authorizationServers: [issuer],
      ...(scopes.length ? { scopesSupported: scopes } : {}),
      ...(options.resourceName ? { resourceName: options.resourceName } : {}),
    }),
    upstream: createUpstreamAccess(ctx),
    metadataDocument: metadata,
  };
  return Object.freeze(proxy);
};
