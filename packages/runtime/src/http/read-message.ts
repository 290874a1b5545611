import { ErrorCode } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply, HttpRequest } from './exchange.js';
import { exceedsJsonValues } from './json-values.js';
import { DEFAULT_MAX_JSON_VALUES } from './options.js';
import { rpcErrorResponse } from './responses.js';

/** Either the one message a POST carried, or the error reply to send instead. */
export type ReadResult =
  | { readonly ok: true; readonly message: JSONRPCMessage }
  | { readonly ok: false; readonly response: HttpReply };

const fail = (status: number, code: number, message: string): ReadResult => ({
  ok: false,
  response: rpcErrorResponse(status, code, message),
});

/** Bytes of a body a framework read as a string or bytes; undefined past `limit` bytes. */
const bytesOf = (body: string | Uint8Array, limit: number): Uint8Array | undefined => {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return bytes.byteLength > limit ? undefined : bytes;
};

/**
 * Strict UTF-8 (RFC 8259 requires it of JSON): invalid bytes are a parse error
 * rather than silently becoming U+FFFD, so what a handler sees is what was sent.
 */
// Decoding without `stream` keeps no state between calls, so one decoder serves every request.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
};

const isId = (id: unknown): boolean => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

/** Checks the JSON-RPC 2.0 envelope of a request, notification or response. */
export const isJsonRpcMessage = (value: unknown): value is JSONRPCMessage => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return false;
  if (typeof m.method === 'string') return !('id' in m) || isId(m.id);
  return ('result' in m || 'error' in m) && (isId(m.id) || m.id === null);
};

/**
 * Reads one JSON-RPC message from a POST: 413 past `limit` bytes or
 * `maxValues` values (counted before parsing), 400 with -32700
 * for bad JSON, 400 with -32600 for batches (not part of 2025-11-25) and for
 * anything that is not a JSON-RPC message. `parsed` is a body a framework
 * (e.g. Express `json()`) already decoded
 * is used as is.
 */
export const readMessage = async (
  request: HttpRequest,
  limit: number,
  maxValues: number = DEFAULT_MAX_JSON_VALUES,
): Promise<ReadResult> => {
  const { parsed } = request;
  let value: unknown;
  // express.json() leaves a value; express.text() / raw() leave text or bytes to parse here.
  const preRead = parsed && typeof parsed.body !== 'string' && !(parsed.body instanceof Uint8Array);
  if (preRead) value = parsed.body;
  else {
    const bytes = parsed ? bytesOf(parsed.body as string | Uint8Array, limit) : await request.bytes(limit);
    if (bytes === undefined) {
      // Close the connection after the 413: otherwise Node keeps reading (and discarding) an endless body.
      return {
        ok: false,
        response: rpcErrorResponse(413, ErrorCode.InvalidRequest, `Request body exceeds the ${limit}-byte limit`, {
          headers: { Connection: 'close' },
        }),
      };
    }
    if (exceedsJsonValues(bytes, maxValues)) {
      return fail(413, ErrorCode.InvalidRequest, `Request body holds more than ${maxValues} JSON values`);
    }
    const text = decodeUtf8(bytes);
    if (text === undefined) return fail(400, ErrorCode.ParseError, 'Parse error: the request body is not valid UTF-8');
    try {
      value = JSON.parse(text);
    } catch {
      return fail(400, ErrorCode.ParseError, 'Parse error: the request body is not valid JSON');
    }
  }
  if (Array.isArray(value)) {
    return fail(400, ErrorCode.InvalidRequest, 'Batches are not supported: send one JSON-RPC message per request');
  }
  if (!isJsonRpcMessage(value)) {
    return fail(400, ErrorCode.InvalidRequest, 'Invalid request: the body is not a JSON-RPC 2.0 message');
  }
  return { ok: true, message: value };
};
