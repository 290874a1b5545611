import { type AuthInfo, encodeMessage, failure, ProtocolError, type RequestId } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ListenHandle } from '../events/listen.js';
import { listenClosedResult } from '../events/listen.js';
import type { Endpoint } from './endpoint.js';
import type { HttpReply } from './exchange.js';
import { jsonResponse } from './responses.js';
import { openSse, type SseConnection } from './sse-stream.js';

/**
 * `subscriptions/listen` over Streamable HTTP (2026-07-28): the POST's answer
 * is a long-lived SSE stream whose first event is the acknowledgement, then
 * the requested list changes and resource updates, each stamped with the
 * subscription id, with keep-alive comments on quiet streams. The client
 * closing the stream ends the subscription; a server shutdown answers the
 * listen request (`resultType: "complete"`) and closes it. A bad filter
 * (-32602) or a full cap (-32600) is a plain JSON error, nothing streamed.
 */
export const serveListenPost = async (
  endpoint: Endpoint,
  id: RequestId,
  message: JSONRPCMessage,
  auth?: AuthInfo,
): Promise<HttpReply> => {
  const params = (message as { params?: Record<string, unknown> }).params ?? {};
  let conn: SseConnection | undefined;
  let handle: ListenHandle | undefined;
  let gone = false;
  // The stream opens with the acknowledgement, so a refusal can still be a JSON reply.
  const stream = () => {
    conn ??= openSse({
      keepAliveMs: endpoint.keepAliveMs,
      onGone: () => {
        gone = true;
        endpoint.listens.delete(serverEnd);
        handle?.close();
      },
    });
    return conn;
  };
  // A graceful end (hub or endpoint shutdown): the listen request is answered, then its stream closes.
  const serverEnd = () => {
    handle?.close();
    const sse = stream();
    sse.write({ data: encodeMessage({ jsonrpc: '2.0', id, result: listenClosedResult(id) } as JSONRPCMessage) });
    sse.close();
  };
  const opened = await endpoint.hub.listen({
    id,
    notifications: params.notifications,
    send: (out) => void stream().write({ data: encodeMessage(out as JSONRPCMessage) }),
    onServerEnd: serverEnd,
    auth,
  });
  if (opened instanceof ProtocolError) return jsonResponse(failure(id, opened.code, opened.message, opened.data), 200);
  handle = opened;
  if (gone) handle.close();
  else endpoint.listens.add(serverEnd);
  return stream().response;
};
