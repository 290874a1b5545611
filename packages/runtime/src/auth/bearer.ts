import type { AuthInfo } from '@mcpkit/core';
import type { Authenticator } from '../http/auth-options.js';

/** Options of {@link bearer}. */
export interface BearerOptions {
  /**
   * Checks a token (an opaque API key, an introspected OAuth token, ...).
   * Return the caller's AuthInfo; return undefined or throw when the token is invalid.
   */
  readonly verify: (token: string, request: Request) => AuthInfo | undefined | Promise<AuthInfo | undefined>;
  /** Scopes every request needs; a valid token without them gets 403. Default none. */
  readonly requiredScopes?: readonly string[];
}

/**
 * Bearer-token authentication with your own verifier. The token comes only
 * from the `Authorization: Bearer` header.
 *
 * @example
 * const keys = new Map([['s3cret', { subject: 'alice', scopes: ['read'], claims: {} }]]);
 * await serveHttp(server, { auth: bearer({ verify: (token) => keys.get(token) }) });
 */
export const bearer = (options: BearerOptions): Authenticator => {
  if (typeof options?.verify !== 'function') throw new TypeError('bearer(): options.verify must be a function');
  const authenticator: Authenticator = {
    verify: async (token, { request }) => {
      const info = await options.verify(token, request);
      if (!info) return undefined;
      // A verifier written in plain JS may leave these out; access checks rely on them.
      return { ...info, scopes: Array.isArray(info.scopes) ? info.scopes : [], claims: info.claims ?? {} };
    },
    requiredScopes: Object.freeze([...(options.requiredScopes ?? [])]),
  };
  return Object.freeze(authenticator);
};
