/** The sentinel wrapping a Base64 header value: `=?base64?{value}?=` (markers lowercase, exact). */
const SENTINEL = /^=\?base64\?(.*)\?=$/s;

/** Strict Base64 (RFC 4648 standard alphabet, padded to a multiple of four). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What a plain header value may hold: visible ASCII, space and tab (RFC 9110 field values). */
const PLAIN = /^[\x20-\x7e\t]*$/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes strict Base64 to bytes; undefined when it is not strict Base64. */
const base64Bytes = (encoded: string): Uint8Array | undefined => {
  if (!BASE64.test(encoded)) return undefined;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/**
 * Decodes an `Mcp-Name` or `Mcp-Param-*` header value (SEP-2243 value
 * encoding): a `=?base64?…?=` value is strict Base64 of UTF-8, anything else is
 * literal and must be plain header characters. Returns undefined for a value
 * that is neither (bad Base64, bad UTF-8, control or non-ASCII characters),
 * which the server answers with HeaderMismatch (-32020).
 */
export const decodeHeaderValue = (raw: string): string | undefined => {
  const wrapped = SENTINEL.exec(raw);
  if (!wrapped) return PLAIN.test(raw) ? raw : undefined;
  const bytes = base64Bytes(wrapped[1] ?? '');
  if (!bytes) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
};
