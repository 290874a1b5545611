import { notification as coreNotification, type RequestId } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

// The envelope lives in core (`failure`, `readMessage`, `isRecord`, `isRequestId`); these are its wire-typed forms.
export { isRecord, isRequestId } from '@mcpkit/core';

/** A JSON-RPC notification, typed for the wire. */
export const notification = (method: string, params?: Record<string, unknown>): JSONRPCMessage =>
  coreNotification(method, params) as JSONRPCMessage;

/** Map key for an id: `1` and `"1"` are different requests. */
export const idKey = (id: RequestId): string => `${typeof id}:${id}`;
