import type { JsonRpcFailure, JsonRpcNotification, RequestId } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A JSON-RPC error response. */
export const errorMessage = (id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcFailure => ({
  jsonrpc: '2.0',
  id,
  error: data === undefined ? { code, message } : { code, message, data },
});

/** A JSON-RPC notification, typed for the wire. */
export const notification = (method: string, params?: Record<string, unknown>): JSONRPCMessage =>
  (params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }) as JsonRpcNotification &
    JSONRPCMessage;

/** Loosely typed view of an incoming message, before we know what it is. */
export interface RawMessage {
  readonly id?: unknown;
  readonly method?: unknown;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

/** A valid JSON-RPC id (strings and finite numbers). */
export const isRequestId = (id: unknown): id is RequestId =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

/** Map key for an id: `1` and `"1"` are different requests. */
export const idKey = (id: RequestId): string => `${typeof id}:${id}`;

/** Plain-object check for params. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
