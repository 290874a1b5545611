import { type AuthInfo, encodeMessage } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply } from '../http/exchange.js';
import { emptyResponse, jsonTextReply } from '../http/responses.js';
import { openSse, type SseConnection } from '../http/sse-stream.js';
import type { ModernRoute } from './classify-request.js';
import type { EndpointState } from './endpoint.js';

/**
 * `subscriptions/listen` over Streamable HTTP (2026-07-28), served like any
 * request (the server's method table, its middleware) in a session of its
 * own: the POST's answer is a long-lived SSE stream, opened by the first
 * message (the acknowledgement), then the requested list changes and resource
 * updates, each stamped with the subscription id, with keep-alive comments on
 * quiet streams. The client closing the stream ends the subscription; a
 * server shutdown answers the listen request (`resultType: "complete"`) and
 * closes it. A request refused before anything was sent (a bad filter, a full
 * cap, a middleware's error) is a plain JSON answer, nothing streamed.
 */
export const serveListenPost = async (
  endpoint: EndpointState,
  route: ModernRoute,
  message: JSONRPCMessage,
  auth?: AuthInfo,
): Promise<HttpReply> => {
  const session = endpoint.hub.createSession({ stateless: true });
  let conn: SseConnection | undefined;
  let started!: () => void;
  const streaming = new Promise<void>((resolve) => {
    started = resolve;
  });
  const send = (out: JSONRPCMessage) => {
    conn ??= openSse({ keepAliveMs: endpoint.keepAliveMs, onGone: () => session.close() });
    conn.write({ data: encodeMessage(out) });
    started();
  };
  let end: (() => void) | undefined;
  const completed = session
    .receive(message, send, {
      auth,
      facts: route.envelope,
      listen: {
        serverEnd: 'answer',
        opened: (serverEnd) => {
          end = serverEnd;
          endpoint.listens.add(serverEnd);
        },
      },
    })
    .then((response): HttpReply | undefined => {
      if (!conn) return response ? jsonTextReply(encodeMessage(response)) : emptyResponse(202);
      if (response) send(response as JSONRPCMessage);
      conn.close();
      return undefined;
    })
    .finally(() => {
      if (end) endpoint.listens.delete(end);
      session.close();
    });
  // Once streaming, nobody awaits the answer: a failure there must not go unhandled.
  completed.catch((error) => console.error('mcpkit: a subscriptions/listen request failed:', error));
  // Either the answer came first (a refusal: JSON), or the stream opened with the acknowledgement.
  const refused = await Promise.race([completed, streaming]);
  return refused ?? (conn as SseConnection).response;
};
