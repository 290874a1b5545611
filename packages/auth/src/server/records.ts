import type { UpstreamUser } from '../upstream/types.js';

/** What the client asked for in `/authorize`, carried through the sign-in. */
export interface ClientRequest {
  readonly clientId: string;
  readonly clientName?: string;
  readonly metadataUrl?: string;
  readonly redirectUri: string;
  readonly state?: string;
  readonly codeChallenge: string;
  readonly scopes: readonly string[];
  readonly resource: string;
}

/** A sign-in sent to the upstream provider (`txn:<state>`). */
export interface SignInRecord extends ClientRequest {
  /** SHA-256 of the sign-in cookie: the callback must come from the same browser. */
  readonly browser: string;
  readonly upstreamVerifier: string;
  readonly nonce: string;
}

/** A signed-in user waiting on the consent page (`pending:<id>`). */
export interface PendingConsent extends ClientRequest {
  readonly browser: string;
  /** The name of the sign-in cookie `browser` hashes. */
  readonly cookieName: string;
  readonly csrf: string;
  readonly grantId: string;
  readonly user: Pick<UpstreamUser, 'subject' | 'name' | 'email'>;
  /** The upstream tokens, sealed for `grant:<grantId>`. */
  readonly upstream: string;
}

/** A grant: one user's authorization of one client (`grant:<id>`); every token issued from it dies with it. */
export interface GrantRecord {
  readonly grantId: string;
  readonly subject: string;
  readonly user: Pick<UpstreamUser, 'subject' | 'name' | 'email'>;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly resource: string;
  readonly upstream: string;
  /** SHA-256 of the current refresh token, once the code is redeemed. */
  readonly refresh?: string;
  /** Milliseconds since the epoch when the grant ends. */
  readonly expiresAt: number;
}

/** An authorization code (`code:<sha256>`). */
export interface CodeRecord {
  readonly grantId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly resource: string;
}
