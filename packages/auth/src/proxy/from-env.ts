import type { JWK } from 'jose';
import { entra } from '../upstream/entra.js';
import { github } from '../upstream/github.js';
import { google } from '../upstream/google.js';
import { oidc } from '../upstream/oidc.js';
import type { UpstreamProvider } from '../upstream/types.js';
import { type OAuthProxy, oauthProxy } from './oauth-proxy.js';
import type { OAuthProxyOptions } from './options.js';

type Env = Readonly<Record<string, string | undefined>>;

const need = (env: Env, name: string): string => {
  const value = env[name];
  if (!value) throw new TypeError(`oauthProxyFromEnv(): ${name} is required`);
  return value;
};

const providerOf = (env: Env, kind: string): UpstreamProvider => {
  const clientId = need(env, 'MCPKIT_OAUTH_CLIENT_ID');
  const clientSecret = env.MCPKIT_OAUTH_CLIENT_SECRET;
  switch (kind) {
    case 'github':
      return github({ clientId, clientSecret: need(env, 'MCPKIT_OAUTH_CLIENT_SECRET') });
    case 'google':
      return google({ clientId, ...(clientSecret ? { clientSecret } : {}) });
    case 'entra':
      return entra({
        clientId,
        ...(clientSecret ? { clientSecret } : {}),
        ...(env.MCPKIT_OAUTH_TENANT ? { tenant: env.MCPKIT_OAUTH_TENANT } : {}),
      });
    case 'oidc':
      return oidc({ issuer: need(env, 'MCPKIT_OAUTH_ISSUER'), clientId, ...(clientSecret ? { clientSecret } : {}) });
    default:
      throw new TypeError(
        `oauthProxyFromEnv(): MCPKIT_OAUTH_PROVIDER must be github, google, entra or oidc, not ${kind}`,
      );
  }
};

/**
 * An `oauthProxy()` configured from environment variables, or undefined when
 * `MCPKIT_OAUTH_PROVIDER` is unset: the hook for `mcpkit run` and for
 * twelve-factor deployments. Reads `MCPKIT_OAUTH_PROVIDER` (github, google,
 * entra, oidc), `MCPKIT_BASE_URL`, `MCPKIT_OAUTH_CLIENT_ID`,
 * `MCPKIT_OAUTH_CLIENT_SECRET`, `MCPKIT_OAUTH_ISSUER` (oidc),
 * `MCPKIT_OAUTH_TENANT` (entra), `MCPKIT_OAUTH_SCOPES` (space-separated),
 * `MCPKIT_AUTH_KEY` (encryption key) and `MCPKIT_SIGNING_JWK` (a private JWK as JSON).
 *
 * @example
 * const auth = oauthProxyFromEnv(process.env);
 * await serveHttp(server, { ...(auth ? { auth } : {}) });
 */
export const oauthProxyFromEnv = (env: Env, overrides: Partial<OAuthProxyOptions> = {}): OAuthProxy | undefined => {
  const kind = env.MCPKIT_OAUTH_PROVIDER;
  if (!kind) return undefined;
  let signingKey: JWK | undefined;
  if (env.MCPKIT_SIGNING_JWK) {
    try {
      signingKey = JSON.parse(env.MCPKIT_SIGNING_JWK) as JWK;
    } catch {
      throw new TypeError('oauthProxyFromEnv(): MCPKIT_SIGNING_JWK must be a JWK as JSON');
    }
  }
  const scopes = env.MCPKIT_OAUTH_SCOPES?.split(' ').filter(Boolean);
  return oauthProxy({
    provider: providerOf(env, kind),
    baseUrl: need(env, 'MCPKIT_BASE_URL'),
    ...(scopes?.length ? { scopes } : {}),
    ...(env.MCPKIT_AUTH_KEY ? { encryptionKey: env.MCPKIT_AUTH_KEY } : {}),
    ...(signingKey ? { signingKey } : {}),
    ...overrides,
  });
};
