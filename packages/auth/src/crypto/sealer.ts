import { base64url, fromBase64url } from './encoding.js';

/** Encrypts and decrypts upstream tokens at rest (AES-256-GCM). */
export interface Sealer {
  /** Encrypts `plaintext`, bound to `context` (additional data: a sealed value cannot be moved to another record). */
  readonly seal: (plaintext: string, context: string) => Promise<string>;
  /** Decrypts what `seal` made with the same context; rejects when it was altered. */
  readonly open: (sealed: string, context: string) => Promise<string>;
}

/**
 * A sealer with a 256-bit key, given as 32 bytes or their base64url (e.g.
 * `openssl rand -base64 32 | tr '+/' '-_'`). Each value gets a fresh 96-bit IV.
 */
export const createSealer = async (key: string | Uint8Array): Promise<Sealer> => {
  const raw = typeof key === 'string' ? fromBase64url(key) : new Uint8Array(key);
  if (raw.byteLength !== 32) throw new TypeError('encryptionKey must be 32 bytes (base64url of 32 random bytes)');
  const cryptoKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const encoder = new TextEncoder();
  return Object.freeze({
    seal: async (plaintext: string, context: string) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
        cryptoKey,
        encoder.encode(plaintext),
      );
      return `${base64url(iv)}.${base64url(new Uint8Array(data))}`;
    },
    open: async (sealed: string, context: string) => {
      const [iv = '', data = ''] = sealed.split('.');
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64url(iv), additionalData: encoder.encode(context) },
        cryptoKey,
        fromBase64url(data),
      );
      return new TextDecoder().decode(plain);
    },
  });
};
