import type { CimdOptions } from '../cimd/client-document.js';
import type { Sealer } from '../crypto/sealer.js';
import type { KeyValueStore } from '../storage/types.js';
import type { UpstreamProvider } from '../upstream/types.js';
import type { Signer } from './signer.js';

/** Lifetimes, in seconds. */
export interface Lifetimes {
  readonly accessToken: number;
  readonly refreshToken: number;
  readonly code: number;
  readonly signIn: number;
  readonly consent: number;
  readonly client: number;
  readonly usedCode: number;
}

/** Everything the endpoints share, built once by `oauthProxy()`. */
export interface ServerContext {
  /** The issuer identifier: `baseUrl` without a trailing slash. */
  readonly issuer: string;
  /** Absolute endpoint URLs. */
  readonly urls: {
    readonly authorize: string;
    readonly token: string;
    readonly register: string;
    readonly revoke: string;
    readonly callback: string;
    readonly consent: string;
    readonly jwks: string;
  };
  readonly resource: string;
  readonly resourceName: string;
  readonly scopesSupported: readonly string[];
  readonly defaultScopes: readonly string[];
  readonly store: KeyValueStore;
  readonly sealer: () => Promise<Sealer>;
  readonly signer: Signer;
  readonly provider: UpstreamProvider;
  readonly lifetimes: Lifetimes;
  readonly cimd: CimdOptions;
  readonly registration: boolean;
  readonly maxRequestBytes: number;
  readonly maxRedirectUris: number;
  /** Cookies get `Secure` when the issuer is https. */
  readonly secureCookies: boolean;
  /** Reports errors that are not the client's fault (upstream failures), for logs. */
  readonly onError: (error: unknown) => void;
}
