/** The key that seals `requestState`: AES-256-GCM, never extractable. */
export type StateKey = CryptoKey;

/** The least secret length accepted, in bytes: 256 bits. */
export const MIN_STATE_SECRET_BYTES = 32;

/** Ties derived keys to this use and format, so one secret can serve other purposes safely. */
const INFO = new TextEncoder().encode('mcpkit requestState v1');

/**
 * Derives the state key from a configured secret (a string as UTF-8, or
 * bytes) with HKDF-SHA-256. Every server instance given the same secret can
 * open each other's state, which is what a load-balanced deployment needs.
 * Throws a RangeError for a secret shorter than {@link MIN_STATE_SECRET_BYTES}.
 */
export const stateKeyFromSecret = async (secret: string | Uint8Array): Promise<StateKey> => {
  // A copy: the caller's bytes may sit on a shared buffer, which WebCrypto refuses.
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
  if (bytes.byteLength < MIN_STATE_SECRET_BYTES) {
    throw new RangeError(
      `the requestState secret must be at least ${MIN_STATE_SECRET_BYTES} bytes (got ${bytes.byteLength})`,
    );
  }
  const { subtle } = globalThis.crypto;
  const base = await subtle.importKey('raw', bytes, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: INFO },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
};

/**
 * A random state key for this process only: state sealed with it cannot be
 * opened after a restart or by another instance. The caller decides when that
 * is acceptable (and should say so, e.g. with a warning, when no secret is set).
 */
export const generateStateKey = async (): Promise<StateKey> =>
  globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
