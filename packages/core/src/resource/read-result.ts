import type { BlobResourceContents, ReadResourceResult, TextResourceContents } from '../protocol/types.js';
import { toBase64 } from '../utils/base64.js';

const CONTENTS = Symbol.for('mcpkit.resourceContents');

/** One item of explicit resource contents; `uri` defaults to the URI that was read. */
export type ContentsItem = {
  readonly uri?: string;
  readonly mimeType?: string;
  readonly meta?: Record<string, unknown>;
} & ({ readonly text: string } | { readonly blob: Uint8Array | string });

/** Explicit contents made by {@link resourceContents}. */
export interface ExplicitContents {
  readonly [CONTENTS]: readonly ContentsItem[];
}

/** What a resource's `read` may return. */
export type ResourceReturn = string | Uint8Array | ExplicitContents | object | number | boolean | null;

/**
 * Returns several contents items (or one with an explicit MIME type or URI)
 * from a resource's `read`.
 */
export const resourceContents = (...items: ContentsItem[]): ExplicitContents => Object.freeze({ [CONTENTS]: items });

const item = (
  entry: ContentsItem,
  uri: string,
  mimeType: string | undefined,
): TextResourceContents | BlobResourceContents => {
  const base: { uri: string; mimeType?: string; _meta?: Record<string, unknown> } = { uri: entry.uri ?? uri };
  if (entry.mimeType ?? mimeType) base.mimeType = entry.mimeType ?? mimeType;
  if (entry.meta) base._meta = entry.meta;
  if ('text' in entry) return { ...base, text: entry.text };
  return { ...base, blob: typeof entry.blob === 'string' ? entry.blob : toBase64(entry.blob) };
};

/**
 * Converts what `read` returned: a string is text (text/plain), bytes a base64
 * blob (application/octet-stream), anything else JSON text (application/json);
 * the resource's own `mimeType` wins over these defaults.
 */
export const toReadResult = (value: ResourceReturn, uri: string, mimeType: string | undefined): ReadResourceResult => {
  if (typeof value === 'object' && value !== null && CONTENTS in value) {
    return { contents: value[CONTENTS].map((entry) => item(entry, uri, mimeType)) };
  }
  if (typeof value === 'string') return { contents: [{ uri, mimeType: mimeType ?? 'text/plain', text: value }] };
  if (value instanceof Uint8Array) {
    return { contents: [{ uri, mimeType: mimeType ?? 'application/octet-stream', blob: toBase64(value) }] };
  }
  return { contents: [{ uri, mimeType: mimeType ?? 'application/json', text: JSON.stringify(value) ?? 'null' }] };
};
