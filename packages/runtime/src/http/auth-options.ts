import type { AuthInfo } from '@mcpkit/core';
import type { Routes } from './routes.js';

/*
 * The authentication vocabulary the HTTP transports accept; `auth/` builds
 * the authenticators on `http/`, so it lives here and `http/` imports nothing
 * from `auth/`.
 */

/** What a verifier knows about the request besides the token. */
export interface VerifyContext {
  /** The HTTP request that carried the token. */
  readonly request: Request;
  /** The server's canonical resource URL (the `resourceUrl` option, or derived from the request). */
  readonly resource: string;
}

/**
 * Turns a bearer token into the caller's identity. Built by `bearer()` or
 * `jwt()`; the HTTP transports run it on every request.
 */
export interface Authenticator {
  /** Resolves the token's AuthInfo, or undefined (or rejects) when the token is invalid. */
  readonly verify: (token: string, context: VerifyContext) => Promise<AuthInfo | undefined>;
  /** Scopes every request needs; a valid token without them gets 403 `insufficient_scope`. */
  readonly requiredScopes: readonly string[];
  /**
   * Routes an authenticator that is also the authorization server brings
   * (e.g. `oauthProxy()` of `@mcpkit/auth`): mounted public, like `routes`.
   */
  readonly routes?: Routes;
  /** Defaults it brings for the metadata options; the transport's own options win. */
  readonly metadata?: Pick<AuthOptions, 'resourceUrl' | 'authorizationServers' | 'scopesSupported' | 'resourceName'>;
}

/** Authentication options of the HTTP transports (Streamable HTTP and legacy SSE). */
export interface AuthOptions {
  /** Require a bearer token on every MCP request: `bearer({ verify })` or `jwt({ ... })`. Default none. */
  readonly auth?: Authenticator;
  /**
   * The server's canonical resource URL (RFC 8707), e.g. `https://mcp.example.com/mcp`:
   * published in the metadata and, for `jwt()`, the audience tokens must carry.
   * Default: the endpoint's URL as the request reached it (set it behind a proxy).
   */
  readonly resourceUrl?: string;
  /** Issuer URLs of the authorization servers clients get tokens from (`authorization_servers`). */
  readonly authorizationServers?: readonly string[];
  /** Scopes clients may ask for (`scopes_supported`). */
  readonly scopesSupported?: readonly string[];
  /** Human-readable name of this resource (`resource_name`). */
  readonly resourceName?: string;
}
