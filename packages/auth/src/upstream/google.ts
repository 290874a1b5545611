import { type OidcOptions, oidc } from './oidc.js';
import type { UpstreamProvider } from './types.js';

/** Options of {@link google}: the OAuth client of a Google Cloud project. */
export type GoogleOptions = Pick<OidcOptions, 'clientId' | 'clientSecret' | 'scopes' | 'timeoutMs'>;

/**
 * Google sign-in (OpenID Connect at `https://accounts.google.com`). Asks for
 * offline access so the proxy gets a refresh token. Callback URL to register:
 * `<baseUrl>/oauth/callback`.
 */
export const google = (options: GoogleOptions): UpstreamProvider =>
  oidc({
    ...options,
    name: 'google',
    issuer: 'https://accounts.google.com',
    scopes: options.scopes ?? ['openid', 'profile', 'email'],
    authorizationParams: { access_type: 'offline', prompt: 'consent' },
  });
