import { isJsonMediaType } from '../schema/pick-media-type.js';

/** A response body read as what its content type says. */
export type ClassifiedBody =
  | { readonly kind: 'json'; readonly value: unknown; readonly text: string }
  | { readonly kind: 'text'; readonly text: string; readonly mimeType: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array; readonly mimeType: string }
  | { readonly kind: 'empty' };

const TEXTUAL = /^(text\/|application\/(xml|javascript|yaml|x-yaml|x-www-form-urlencoded|graphql)|[^;]*\+xml)/i;

/**
 * Classifies a body by content type: JSON (parsed; text when it does not
 * parse), text (`text/*`, XML, YAML, ...), or binary; an empty body is empty.
 */
export const classifyBody = (bytes: Uint8Array, contentType: string | null): ClassifiedBody => {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  const mimeType = (contentType ?? 'application/octet-stream').split(';')[0]?.trim() || 'application/octet-stream';
  if (isJsonMediaType(mimeType) || TEXTUAL.test(mimeType)) {
    const text = new TextDecoder().decode(bytes);
    if (isJsonMediaType(mimeType)) {
      try {
        return { kind: 'json', value: JSON.parse(text), text };
      } catch {
        return { kind: 'text', text, mimeType };
      }
    }
    return { kind: 'text', text, mimeType };
  }
  return { kind: 'binary', bytes, mimeType };
};
