import { bytesContent, isContent, text } from '../content/content.js';
import type { CallToolResult, ContentBlock } from '../protocol/types.js';
import { isPlainObject } from '../utils/is-plain-object.js';

/** Turns a non-string value into the text clients show; JSON unless the server gives a serializer. */
export type Serializer = (value: unknown) => string;

/** Serializes with `serializer`, falling back to JSON when it throws (a broken serializer must not break calls). */
export const serialize = (value: unknown, serializer: Serializer | undefined): string => {
  if (serializer) {
    try {
      return serializer(value);
    } catch {
      // fall through to JSON
    }
  }
  return JSON.stringify(value) ?? String(value);
};

const CALL_RESULT = Symbol.for('mcpkit.callResult');

/**
 * Returns a complete call result from a tool as is: your own `content`,
 * `structuredContent`, `isError` and `_meta`, with no conversion or output
 * validation. Results that `forward()` gives a transformed tool are already
 * marked this way.
 */
export const callResult = (result: CallToolResult): CallToolResult => {
  Object.defineProperty(result, CALL_RESULT, { value: true, enumerable: false });
  return result;
};

/** True for a result made by {@link callResult}. */
export const isCallResult = (value: unknown): value is CallToolResult =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CALL_RESULT] === true;

const isContentList = (value: unknown): value is ContentBlock[] =>
  Array.isArray(value) && value.length > 0 && value.every(isContent);

/** A tool error result with one text block. */
export const toolErrorResult = (message: string): CallToolResult => ({
  content: [{ type: 'text', text: message }],
  isError: true,
});

/**
 * Converts what a tool without an output schema returned into a call result:
 * scalars become text; content helpers pass through; bytes become image,
 * audio or blob content; objects and arrays become `structuredContent` (arrays
 * wrapped as `{ result }`, since structured content must be an object) plus
 * their serialized text; `undefined` and `null` give empty content.
 */
export const toCallResult = (
  value: unknown,
  options: { readonly serializer?: Serializer; readonly mimeType?: string; readonly toolName: string },
): CallToolResult => {
  if (value === undefined || value === null) return { content: [] };
  if (isCallResult(value)) return value;
  if (typeof value === 'string') return { content: [{ type: 'text', text: value }] };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return { content: [{ type: 'text', text: String(value) }] };
  }
  if (isContent(value)) return { content: [value] };
  if (isContentList(value)) return { content: value };
  if (value instanceof Uint8Array) {
    const mimeType = options.mimeType ?? 'application/octet-stream';
    return { content: [bytesContent(value, mimeType, `tool://${options.toolName}/result`)] };
  }
  const structured = isPlainObject(value) ? value : { result: value };
  return { content: [text(serialize(value, options.serializer))], structuredContent: structured };
};
