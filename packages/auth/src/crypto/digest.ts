import { base64url } from './encoding.js';

/** SHA-256 of a string, base64url: PKCE's S256 transform, and how secrets are keyed in the store. */
export const sha256 = async (text: string): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
