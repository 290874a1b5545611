/** Tokens an upstream identity provider issued; kept server-side, sealed. */
export interface UpstreamTokens {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly refreshToken?: string;
  /** Seconds since the epoch, when the provider said (`expires_in`). */
  readonly expiresAt?: number;
  readonly scope?: string;
  readonly idToken?: string;
}

/** The signed-in user, as the provider describes them. */
export interface UpstreamUser {
  /** The provider's stable user id (OIDC `sub`, GitHub's numeric id). */
  readonly subject: string;
  readonly name?: string;
  readonly email?: string;
  /** The ID token's claims, or the user API's answer. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** What the start of an upstream sign-in needs. */
export interface UpstreamAuthorizeInput {
  /** Our callback URL, registered at the provider. */
  readonly redirectUri: string;
  readonly state: string;
  /** PKCE S256 challenge. */
  readonly codeChallenge: string;
  readonly nonce: string;
}

/** What finishing an upstream sign-in needs. */
export interface UpstreamExchangeInput {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier: string;
  readonly nonce: string;
}

/**
 * An identity provider the proxy sends users to: built by `oidc()`,
 * `github()`, `google()` or `entra()`, or your own.
 */
export interface UpstreamProvider {
  readonly kind: 'upstream';
  /** A short name, e.g. `github`, shown nowhere secret. */
  readonly name: string;
  /** The provider's authorization URL for one sign-in. */
  readonly authorizationUrl: (input: UpstreamAuthorizeInput) => Promise<string>;
  /** Exchanges the callback's code; validates the ID token (OIDC); resolves the user. */
  readonly exchange: (input: UpstreamExchangeInput) => Promise<{ user: UpstreamUser; tokens: UpstreamTokens }>;
  /** New tokens from a refresh token; rejects when the provider refuses. */
  readonly refresh: (refreshToken: string) => Promise<UpstreamTokens>;
}

/** An upstream answer we cannot use (bad status, bad ID token, ...). */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
}
