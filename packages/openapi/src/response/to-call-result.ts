import { audio, type CallToolResult, callResult, embedded, image, isRecord as isPlainObject } from '@mcpkit/core';
import type { ApiResponse } from '../request/send-request.js';
import type { OutputPlan } from '../schema/output-schema.js';

/** Cuts text to `max` characters, saying how much was cut. */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;

/** The message of an HTTP error: status, reason and the API's body (truncated). */
export const httpErrorMessage = (response: ApiResponse, label: string, maxChars: number): string => {
  const head = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${label}`;
  const { body } = response;
  const detail =
    body.kind === 'json' || body.kind === 'text'
      ? body.text
      : body.kind === 'binary'
        ? `(${body.bytes.byteLength} bytes of ${body.mimeType})`
        : '';
  return detail ? `${head}: ${truncate(detail, maxChars)}` : head;
};

/**
 * Turns an API response into a tool result: an HTTP error is a tool error
 * with status and body; JSON is text plus structured content (wrapped as
 * `{ result }` when the output schema says so); text is text; images and
 * audio are such content, other bytes an embedded blob.
 */
export const toCallResult = (
  response: ApiResponse,
  output: OutputPlan | undefined,
  label: string,
  options: { readonly maxErrorChars: number; readonly uri: string },
): CallToolResult => {
  if (!response.ok) {
    return callResult({
      content: [{ type: 'text', text: httpErrorMessage(response, label, options.maxErrorChars) }],
      isError: true,
    });
  }
  const { body } = response;
  switch (body.kind) {
    case 'json': {
      const structured = output?.wraps ? { result: body.value } : isPlainObject(body.value) ? body.value : undefined;
      const result: CallToolResult = { content: [{ type: 'text', text: body.text }] };
      if (structured) result.structuredContent = structured;
      return callResult(result);
    }
    case 'text':
      return callResult({ content: [{ type: 'text', text: body.text }] });
    case 'binary': {
      const { bytes, mimeType } = body;
      const block = mimeType.startsWith('image/')
        ? image(bytes, mimeType)
        : mimeType.startsWith('audio/')
          ? audio(bytes, mimeType)
          : embedded({ uri: options.uri, mimeType, blob: bytes });
      return callResult({ content: [block] } as CallToolResult);
    }
    case 'empty':
      return callResult({
        content: [
          { type: 'text', text: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` },
        ],
      });
  }
};
