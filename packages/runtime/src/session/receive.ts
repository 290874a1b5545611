import { ErrorCode, type JsonRpcRequest, type JsonRpcResponse } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { addRequest, removeRequest } from './inflight.js';
import { errorMessage, isRecord, isRequestId, type RawMessage } from './messages.js';
import { requestContext, requestFinished } from './request-context.js';
import type { RequestScope, SessionCore } from './session-core.js';
import { ALLOWED_BEFORE_INIT, answerSessionMethod, isSessionMethod } from './session-methods.js';
import { onNotification } from './session-notifications.js';
import type { ReceiveExtra, Send } from './types.js';

/** Runs one request with its own scope (signal, stream, identity) while it is in flight. */
const serveRequest = async (
  core: SessionCore,
  id: JsonRpcRequest['id'],
  message: RawMessage,
  related: Send | undefined,
  extra: ReceiveExtra | undefined,
) => {
  const method = message.method as string;
  if (core.closed) return errorMessage(id, ErrorCode.InvalidRequest, 'The session is closed');
  if (!core.initialized && !ALLOWED_BEFORE_INIT.has(method))
    return errorMessage(
      id,
      ErrorCode.InvalidRequest,
      `Received ${method} before initialization: send initialize (then notifications/initialized) first`,
    );
  if (method === 'ping') return { jsonrpc: '2.0' as const, id, result: {} };
  const scope: RequestScope = {
    id,
    params: message.params,
    controller: new AbortController(),
    settled: undefined,
    outgoing: undefined,
    related,
    auth: extra?.auth,
    finished: false,
    cancelled: false,
  };
  if (!addRequest(core, scope))
    return errorMessage(
      id,
      ErrorCode.InvalidRequest,
      `Request id ${JSON.stringify(id)} is already in use by a running request`,
    );
  try {
    const response = isSessionMethod(method)
      ? await answerSessionMethod(core, id, method, message.params, () => requestContext(core, scope))
      : await core.shared.server.handle(message as JsonRpcRequest, requestContext(core, scope));
    return scope.cancelled || core.closed ? undefined : response;
  } finally {
    scope.finished = true;
    removeRequest(core, scope);
    // Abandon client requests the handler left behind (e.g. after a tool timeout); made only when one was sent.
    scope.settled?.abort(requestFinished());
  }
};

/** `Session.receive` of the session `core`: see the contract in types.ts. */
export const receive = async (
  core: SessionCore,
  message: JSONRPCMessage,
  related?: Send,
  extra?: ReceiveExtra,
): Promise<JsonRpcResponse | undefined> => {
  const raw = message as RawMessage;
  if (!isRecord(raw)) return errorMessage(null, ErrorCode.InvalidRequest, 'Invalid message: expected a JSON object');
  if (typeof raw.method === 'string') {
    if (raw.id === undefined) {
      onNotification(core, raw.method, raw.params);
      return undefined;
    }
    if (!isRequestId(raw.id))
      return errorMessage(null, ErrorCode.InvalidRequest, 'Invalid request: id must be a string or a number');
    return serveRequest(core, raw.id, raw, related, extra);
  }
  if ('result' in raw || 'error' in raw) {
    core.outbox?.settle(raw);
    return undefined;
  }
  const id = isRequestId(raw.id) ? raw.id : null;
  return errorMessage(
    id,
    ErrorCode.InvalidRequest,
    'Invalid message: expected a JSON-RPC request, notification or response',
  );
};
