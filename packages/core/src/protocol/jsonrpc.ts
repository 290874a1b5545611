import { ErrorCode } from '../errors/codes.js';
import { isMcpkitError, isProtocolError } from '../errors/errors.js';
import type { JsonRpcFailure, JsonRpcNotification, JsonRpcSuccess, RequestId } from './types.js';

/**
 * The JSON-RPC envelope, in one place: what every layer (core dispatch, the
 * runtime's sessions, transports) uses to read messages and write answers.
 */

/** A JSON-RPC error response. */
export const failure = (id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcFailure => ({
  jsonrpc: '2.0',
  id,
  error: data === undefined ? { code, message } : { code, message, data },
});

/** A JSON-RPC success response. */
export const success = (id: RequestId, result: Record<string, unknown>): JsonRpcSuccess => ({
  jsonrpc: '2.0',
  id,
  result,
});

/** A JSON-RPC notification. */
export const notification = (method: string, params?: Record<string, unknown>): JsonRpcNotification =>
  params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };

/**
 * Maps any thrown value to a JSON-RPC error response: a `ProtocolError` keeps
 * its code and data; anything else is -32603, its message kept unless `mask`
 * (mcpkit's own errors are never masked: they say what the caller did wrong).
 */
export const errorResponse = (id: RequestId | null, error: unknown, mask: boolean | undefined): JsonRpcFailure => {
  if (isProtocolError(error)) return failure(id, error.code, error.message, error.data);
  const message = isMcpkitError(error) || !mask ? ((error as Error)?.message ?? String(error)) : 'Internal error';
  return failure(id, ErrorCode.InternalError, message);
};

/** A valid JSON-RPC id: a string or a finite number. */
export const isRequestId = (id: unknown): id is RequestId =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

/** A non-null, non-array object: the shape of a message, of params and of `_meta`. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An incoming message, sorted by what it is. */
export type IncomingMessage =
  | {
      readonly kind: 'request';
      readonly id: RequestId;
      readonly method: string;
      /** As sent: not yet checked to be an object (the method decides whether it must be). */
      readonly params: unknown;
    }
  | { readonly kind: 'notification'; readonly method: string; readonly params: unknown }
  | { readonly kind: 'response'; readonly message: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invalid'; readonly failure: JsonRpcFailure };

const invalid = (id: RequestId | null, message: string): IncomingMessage => ({
  kind: 'invalid',
  failure: failure(id, ErrorCode.InvalidRequest, message),
});

/**
 * Reads one parsed message: the single envelope check every request passes
 * once. An invalid one carries the -32600 answer to send (its id echoed when
 * it had a valid one).
 */
export const readMessage = (raw: unknown): IncomingMessage => {
  if (!isRecord(raw)) return invalid(null, 'Invalid message: expected a JSON object');
  const { id, method } = raw;
  if (typeof method === 'string') {
    if (id === undefined) return { kind: 'notification', method, params: raw.params };
    if (!isRequestId(id)) return invalid(null, 'Invalid request: id must be a string or a number');
    if (raw.jsonrpc !== '2.0')
      return invalid(id, 'Invalid request: expected a JSON-RPC 2.0 request with an id and a method');
    return { kind: 'request', id, method, params: raw.params };
  }
  if ('result' in raw || 'error' in raw) return { kind: 'response', message: raw };
  return invalid(isRequestId(id) ? id : null, 'Invalid message: expected a JSON-RPC request, notification or response');
};
