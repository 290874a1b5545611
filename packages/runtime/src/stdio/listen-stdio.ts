import { ErrorCode, failure, isRecord, ProtocolError, type RequestId } from '@mcpkit/core';
import { type ListenHandle, listenCancelled } from '../events/listen.js';
import { rejectionBody } from '../http/classify-request.js';
import type { SessionHub } from '../session/hub.js';
import { classifyStdioMessage } from './classify-message.js';

/** The `subscriptions/listen` streams of one stdio connection. */
export interface StdioListens {
  /**
   * Takes a message if it is this connection's business: a modern
   * `subscriptions/listen` request (opens a subscription) or a
   * `notifications/cancelled` naming an open one (ends it). Returns false for
   * anything else, which the session serves.
   */
  readonly take: (message: unknown) => boolean;
  /** Ends every subscription without telling the client (the connection is closing). */
  readonly closeAll: () => void;
}

const isListenRequest = (message: unknown): message is { id: RequestId; method: string; params?: unknown } =>
  isRecord(message) && message.method === 'subscriptions/listen' && 'id' in message;

/**
 * `subscriptions/listen` over stdio (2026-07-28): the acknowledgement and
 * every notification go on the one channel, stamped with the subscription id
 * (the listen request's id); `notifications/cancelled` for that id ends it;
 * when the hub ends it (shutdown), the client is sent `notifications/cancelled`
 * for it. A listen without a modern claim is -32601, as the 2025 era has no
 * such method; a bad envelope or revision is refused as on any modern request.
 */
export const stdioListens = (hub: SessionHub, write: (message: object) => void): StdioListens => {
  const open = new Map<RequestId, ListenHandle>();
  const listen = async (message: { id: RequestId; params?: unknown }) => {
    const { id } = message;
    const route = classifyStdioMessage(message);
    if (route.kind === 'reject') return write(rejectionBody(route));
    if (route.kind !== 'modern')
      return write(failure(id, ErrorCode.MethodNotFound, 'Method not found: subscriptions/listen'));
    if (open.has(id))
      return write(failure(id, ErrorCode.InvalidRequest, `Subscription id ${JSON.stringify(id)} is already open`));
    const params = isRecord(message.params) ? message.params : {};
    const opened = await hub.listen({
      id,
      notifications: params.notifications,
      send: write,
      onServerEnd: () => {
        open.delete(id);
        write(listenCancelled(id));
      },
    });
    if (opened instanceof ProtocolError) return write(failure(id, opened.code, opened.message, opened.data));
    open.set(id, opened);
  };
  const take = (message: unknown): boolean => {
    if (isListenRequest(message)) {
      listen(message).catch((error) => write(failure(message.id, ErrorCode.InternalError, String(error))));
      return true;
    }
    if (!isRecord(message) || message.method !== 'notifications/cancelled' || !isRecord(message.params)) return false;
    const requestId = message.params.requestId as RequestId;
    const handle = open.get(requestId);
    if (!handle) return false;
    open.delete(requestId);
    handle.close();
    return true;
  };
  const closeAll = () => {
    for (const handle of open.values()) handle.close();
    open.clear();
  };
  return Object.freeze({ take, closeAll });
};
