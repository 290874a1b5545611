import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { randomToken } from '../crypto/random.js';

/** Signs the access tokens the proxy issues. */
export interface Signer {
  readonly algorithm: string;
  /** Signs `claims` as an `at+jwt` (RFC 9068). */
  readonly sign: (claims: JWTPayload) => Promise<string>;
  /** The public key, for verification. */
  readonly publicKey: () => Promise<CryptoKey>;
  /** The public JWKS document. */
  readonly jwks: () => Promise<{ keys: JWK[] }>;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;

/**
 * A signer from a private JWK (its `alg` names the algorithm, default ES256),
 * or, without one, a fresh ES256 key (tokens then die with the process and
 * are not accepted by other instances: configure a key in production).
 */
export const createSigner = (privateJwk: JWK | undefined): Signer => {
  const algorithm = privateJwk?.alg ?? 'ES256';
  const keys = (async () => {
    if (privateJwk) {
      if (!privateJwk.d) throw new TypeError('signingKey must be a private JWK');
      const publicJwk: JWK = { ...privateJwk };
      for (const member of PRIVATE_MEMBERS) delete publicJwk[member];
      const kid = privateJwk.kid ?? randomToken(8);
      return {
        privateKey: (await importJWK(privateJwk, algorithm)) as CryptoKey,
        publicKey: (await importJWK(publicJwk, algorithm)) as CryptoKey,
        publicJwk: { ...publicJwk, kid, alg: algorithm, use: 'sig' },
        kid,
      };
    }
    const pair = await generateKeyPair(algorithm, { extractable: true });
    const kid = randomToken(8);
    return {
      privateKey: pair.privateKey,
      publicKey: pair.publicKey,
      publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: algorithm, use: 'sig' },
      kid,
    };
  })();
  // An unused rejected promise must not crash the process; callers see the error.
  keys.catch(() => undefined);
  return Object.freeze({
    algorithm,
    sign: async (claims: JWTPayload) => {
      const { privateKey, kid } = await keys;
      return new SignJWT(claims).setProtectedHeader({ alg: algorithm, kid, typ: 'at+jwt' }).sign(privateKey);
    },
    publicKey: async () => (await keys).publicKey,
    jwks: async () => ({ keys: [(await keys).publicJwk] }),
  });
};
