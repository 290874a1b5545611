/** Bytes as base64url without padding (RFC 4648 §5). */
export const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** Decodes base64url (padding optional). */
export const fromBase64url = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'base64url'));
