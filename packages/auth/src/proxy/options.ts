import type { JWK } from 'jose';
import type { CimdOptions } from '../cimd/client-document.js';
import type { KeyValueStore } from '../storage/types.js';
import type { UpstreamProvider } from '../upstream/types.js';

/** Token, code and session lifetimes, in seconds. */
export interface LifetimeOptions {
  /** Access tokens (JWTs). Default 900 (15 minutes). */
  readonly accessToken?: number;
  /** A grant's refresh tokens, from the first code exchange (absolute, not sliding). Default 2 592 000 (30 days). */
  readonly refreshToken?: number;
  /** Authorization codes. Default 60. */
  readonly code?: number;
  /** A sign-in in progress: upstream round trip and consent page. Default 600. */
  readonly signIn?: number;
  /** How long an approval is remembered per user and client; 0 asks every time. Default 2 592 000 (30 days). */
  readonly consent?: number;
  /** Dynamically registered clients. Default 7 776 000 (90 days). */
  readonly client?: number;
  /** How long a redeemed code is remembered, so its reuse revokes its grant. Default 86 400 (a day). */
  readonly usedCode?: number;
}

/** Defaults of {@link LifetimeOptions}. */
export const DEFAULT_LIFETIMES = {
  accessToken: 900,
  refreshToken: 2_592_000,
  code: 60,
  signIn: 600,
  consent: 2_592_000,
  client: 7_776_000,
  usedCode: 86_400,
} as const;

/** Default `maxRedirectUris`. */
export const DEFAULT_MAX_REDIRECT_URIS = 20;

/** Default `maxRequestBytes`: 64 KiB. */
export const DEFAULT_MAX_REQUEST_BYTES = 65_536;

/** Options of `oauthProxy()`. */
export interface OAuthProxyOptions {
  /** Where users sign in: `github()`, `google()`, `entra()`, `oidc()`, or your own provider. */
  readonly provider: UpstreamProvider;
  /**
   * The server's public base URL, e.g. `https://mcp.example.com`: the issuer
   * of its tokens; endpoints live under it (`/authorize`, `/token`, ...,
   * `/oauth/callback`, which you register at the provider).
   */
  readonly baseUrl: string;
  /** The MCP endpoint's URL, the audience of every token. Default `<baseUrl>/mcp`. */
  readonly resourceUrl?: string;
  /** Scopes clients may ask for. Default none. */
  readonly scopes?: readonly string[];
  /** Scopes granted when a client asks for none. Default all of `scopes`. */
  readonly defaultScopes?: readonly string[];
  /** Scopes every MCP request needs (403 otherwise). Default none. */
  readonly requiredScopes?: readonly string[];
  /** A name for this server on the consent page and in the metadata. Default the resource URL's host. */
  readonly resourceName?: string;
  /**
   * 32 random bytes (base64url) encrypting upstream tokens at rest (AES-256-GCM).
   * Default: a random key per process (state then cannot outlive it): set one in production.
   */
  readonly encryptionKey?: string | Uint8Array;
  /** The private JWK signing access tokens (its `alg`, default ES256). Default: a fresh ES256 key per process. */
  readonly signingKey?: JWK;
  /** Where state lives. Default `memoryStore()`. */
  readonly store?: KeyValueStore;
  /** Client ID Metadata Documents. */
  readonly cimd?: CimdOptions;
  /** Accept Dynamic Client Registration (RFC 7591). Default true. */
  readonly registration?: boolean;
  readonly lifetimes?: LifetimeOptions;
  /** Largest form or JSON body accepted by the endpoints. Default 64 KiB. */
  readonly maxRequestBytes?: number;
  /** Most redirect URIs one registered client may list. Default 20. */
  readonly maxRedirectUris?: number;
  /** Reports upstream failures (the client sees only a generic error). Default `console.error`. */
  readonly onError?: (error: unknown) => void;
}
