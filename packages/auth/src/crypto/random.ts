import { base64url } from './encoding.js';

/** An unguessable token: `bytes` random bytes (default 32, 256 bits) as base64url. */
export const randomToken = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));
