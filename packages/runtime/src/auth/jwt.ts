import type { JsonWebKey, KeyObject, webcrypto } from 'node:crypto';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, type KeyInput } from 'jose';
import type { Authenticator } from '../http/auth-options.js';
import { authInfoFromClaims } from './claims.js';

/**
 * A verification key jose accepts: a CryptoKey, a Node KeyObject, a public JWK, or a shared secret.
 * Spelled with Node's types, not jose's, so the published declarations never import jose (bundled into the build).
 */
export type JwtKey = webcrypto.CryptoKey | KeyObject | JsonWebKey | Uint8Array;

/** Options of {@link jwt}: give `jwksUrl` or `publicKey`. */
export interface JwtOptions {
  /** The authorization server's JWKS (its `jwks_uri`); keys are fetched and cached, rotated keys picked up. */
  readonly jwksUrl?: string | URL;
  /** A fixed verification key instead of a JWKS. */
  readonly publicKey?: JwtKey;
  /** The `iss` every token must carry (the authorization server's issuer identifier). */
  readonly issuer: string | readonly string[];
  /**
   * The `aud` every token must contain. Default: the server's resource URL
   * (RFC 8707), so tokens minted for another resource are refused.
   */
  readonly audience?: string | readonly string[];
  /** Scopes every request needs; a valid token without them gets 403. Default none. */
  readonly requiredScopes?: readonly string[];
  /** Accepted signing algorithms, e.g. `['RS256']`. Default: whatever the key supports. */
  readonly algorithms?: readonly string[];
  /** Allowed clock skew for `exp`/`nbf`, in seconds or as `'30s'`. Default 0. */
  readonly clockTolerance?: number | string;
  /**
   * Accept tokens without an `exp` claim. Default false: such a token, if
   * stolen, would never expire, so it gets 401 `invalid_token`.
   */
  readonly allowNoExpiry?: boolean;
  /**
   * Oldest token accepted, by its `iat` claim, in seconds or as `'1h'`; a
   * token without `iat` is then refused. Default none (only `exp` limits a token's life).
   */
  readonly maxTokenAge?: number | string;
}

/**
 * JWT access-token authentication (RFC 9068 style), verified with `jose` on
 * web crypto: signature (JWKS or fixed key), `iss`, `aud`, `exp` (required
 * unless `allowNoExpiry`), `nbf`, and the token's age when `maxTokenAge` is set.
 * AuthInfo comes from the claims: `sub`, `scope`/`scp`, `client_id`/`azp`, `exp`.
 *
 * @example
 * const auth = jwt({
 *   jwksUrl: 'https://idp.example.com/.well-known/jwks.json',
 *   issuer: 'https://idp.example.com/',
 * });
 * await serveHttp(server, { auth, resourceUrl: 'https://mcp.example.com/mcp', authorizationServers: ['https://idp.example.com/'] });
 */
export const jwt = (options: JwtOptions): Authenticator => {
  if (!options || (options.jwksUrl === undefined) === (options.publicKey === undefined)) {
    throw new TypeError('jwt(): give exactly one of options.jwksUrl and options.publicKey');
  }
  if (!options.issuer || (Array.isArray(options.issuer) && options.issuer.length === 0)) {
    throw new TypeError('jwt(): options.issuer is required');
  }
  const key: JWTVerifyGetKey | KeyInput =
    options.jwksUrl !== undefined ? createRemoteJWKSet(new URL(options.jwksUrl)) : (options.publicKey as KeyInput);
  const issuer = typeof options.issuer === 'string' ? options.issuer : [...options.issuer];
  const fixedAudience =
    options.audience === undefined
      ? undefined
      : typeof options.audience === 'string'
        ? options.audience
        : [...options.audience];
  const authenticator: Authenticator = {
    verify: async (token, { resource }) => {
      const { payload } = await jwtVerify(token, key, {
        issuer,
        audience: fixedAudience ?? resource,
        ...(options.algorithms ? { algorithms: [...options.algorithms] } : {}),
        ...(options.clockTolerance !== undefined ? { clockTolerance: options.clockTolerance } : {}),
        ...(options.allowNoExpiry ? {} : { requiredClaims: ['exp'] }),
        ...(options.maxTokenAge !== undefined ? { maxTokenAge: options.maxTokenAge } : {}),
      });
      return authInfoFromClaims(payload as Record<string, unknown>);
    },
    requiredScopes: Object.freeze([...(options.requiredScopes ?? [])]),
  };
  return Object.freeze(authenticator);
};
