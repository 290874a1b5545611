import { sha256 } from './digest.js';

// RFC 7636 §4.1: 43 to 128 unreserved characters.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether `verifier` is a well-formed PKCE code verifier. */
export const isCodeVerifier = (verifier: unknown): verifier is string =>
  typeof verifier === 'string' && VERIFIER.test(verifier);

/** Whether `verifier` hashes (S256) to `challenge`. */
export const verifiesChallenge = async (verifier: unknown, challenge: string): Promise<boolean> =>
  isCodeVerifier(verifier) && (await sha256(verifier)) === challenge;
