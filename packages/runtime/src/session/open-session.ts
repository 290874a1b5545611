import { ErrorCode, type JsonRpcRequest, type ListKind, McpkitError, type Server } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_LOG_LEVEL } from './logger.js';
import { errorMessage, idKey, isRecord, isRequestId, type RawMessage } from './messages.js';
import { createOutbox } from './outbox.js';
import { requestContext, requestFinished } from './request-context.js';
import type { HubShared, RequestScope, SessionCore } from './session-core.js';
import { ALLOWED_BEFORE_INIT, answerSessionMethod, isSessionMethod } from './session-methods.js';
import { onNotification } from './session-notifications.js';
import type { ReceiveExtra, Send, Session, SessionOptions } from './types.js';
import { createVisibility } from './visibility.js';

/** A session plus the hooks its hub needs. */
export interface OpenedSession {
  readonly session: Session;
  /** Sends `notifications/resources/updated` when this session subscribed to `uri`. */
  readonly resourceUpdated: (uri: string) => void;
  /** Sends `notifications/<kind>/list_changed` on the standing channel, once initialized. */
  readonly listChanged: (kind: ListKind) => void;
}

/** Opens one session of `server` for a hub; see `createSession` for the public entry. */
export const openSession = (
  server: Server,
  hub: unknown,
  shared: HubShared,
  options: SessionOptions = {},
): OpenedSession => {
  const core: SessionCore = {
    server,
    id: options.id,
    stateless: options.stateless ?? false,
    shared,
    hub,
    state: new Map(),
    visibility: createVisibility(server.components),
    subscriptions: new Set(),
    inflight: new Map(),
    outbox: createOutbox(),
    hello: undefined,
    initialized: false,
    initializing: false,
    closed: false,
    level: DEFAULT_LOG_LEVEL,
    channel: undefined,
    cleanups: new Set(),
  };

  const serveRequest = async (id: JsonRpcRequest['id'], message: RawMessage, related?: Send, extra?: ReceiveExtra) => {
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
      related,
      auth: extra?.auth,
      finished: false,
      cancelled: false,
    };
    const key = idKey(id);
    if (core.inflight.has(key))
      return errorMessage(
        id,
        ErrorCode.InvalidRequest,
        `Request id ${JSON.stringify(id)} is already in use by a running request`,
      );
    core.inflight.set(key, scope);
    try {
      const response = isSessionMethod(method)
        ? await answerSessionMethod(core, id, method, message.params, () => requestContext(core, scope))
        : await server.handle(message as JsonRpcRequest, requestContext(core, scope));
      return scope.cancelled || core.closed ? undefined : response;
    } finally {
      scope.finished = true;
      if (core.inflight.get(key) === scope) core.inflight.delete(key);
      // Abandon client requests the handler left behind (e.g. after a tool timeout); made only when one was sent.
      scope.settled?.abort(requestFinished());
    }
  };

  const receive: Session['receive'] = async (message, related, extra) => {
    const raw = message as RawMessage;
    if (!isRecord(raw)) return errorMessage(null, ErrorCode.InvalidRequest, 'Invalid message: expected a JSON object');
    if (typeof raw.method === 'string') {
      if (raw.id === undefined) {
        onNotification(core, raw.method, raw.params);
        return undefined;
      }
      if (!isRequestId(raw.id))
        return errorMessage(null, ErrorCode.InvalidRequest, 'Invalid request: id must be a string or a number');
      return serveRequest(raw.id, raw, related, extra);
    }
    if ('result' in raw || 'error' in raw) {
      core.outbox.settle(raw);
      return undefined;
    }
    const id = isRequestId(raw.id) ? raw.id : null;
    return errorMessage(
      id,
      ErrorCode.InvalidRequest,
      'Invalid message: expected a JSON-RPC request, notification or response',
    );
  };

  const close = () => {
    if (core.closed) return;
    core.closed = true;
    const reason = new McpkitError('SESSION_CLOSED', 'The session was closed');
    for (const scope of core.inflight.values()) scope.controller.abort(reason);
    core.inflight.clear();
    core.outbox.rejectAll(reason);
    core.subscriptions.clear();
    core.channel = undefined;
    // Cleanups registered through ctx.session.onClose (e.g. a proxy's remote session).
    for (const cleanup of [...core.cleanups]) {
      try {
        cleanup();
      } catch (error) {
        console.error('mcpkit: a session cleanup failed:', error);
      }
    }
    core.cleanups.clear();
    options.onClose?.();
  };

  const session: Session = {
    id: core.id,
    get initialized() {
      return core.initialized;
    },
    get protocolVersion() {
      return core.hello?.protocolVersion;
    },
    receive: receive as Session['receive'],
    setChannel: (send) => {
      if (!core.closed) core.channel = send;
    },
    close,
  };

  const resourceUpdated = (uri: string) => {
    if (core.closed || !core.subscriptions.has(uri) || !core.channel) return;
    try {
      core.channel({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri } } as JSONRPCMessage);
    } catch {
      // A broken channel is the transport's to notice; the session stays usable.
    }
  };

  const listChanged = (kind: ListKind) => {
    if (core.closed || !core.initialized || !core.channel) return;
    try {
      core.channel({ jsonrpc: '2.0', method: `notifications/${kind}/list_changed` } as JSONRPCMessage);
    } catch {
      // The client re-lists on its next request anyway.
    }
  };

  return { session, resourceUpdated, listChanged };
};
