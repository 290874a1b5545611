import {
  type AuthInfo,
  ErrorCode,
  encodeMessage,
  failure,
  type HttpRequestInfo,
  type JsonRpcResponse,
  META,
} from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply } from '../http/exchange.js';
import { emptyResponse, jsonResponse, jsonTextReply } from '../http/responses.js';
import { openSse } from '../http/sse-stream.js';
import { nextTurn } from './answer-post.js';
import type { ModernRoute } from './classify-request.js';
import type { EndpointState } from './endpoint.js';
import { serveListenPost } from './listen-post.js';

/**
 * A POST the gate found modern (2026-07-28): served on its own, with no
 * session, whatever mode the endpoint runs in. Its envelope, revision and
 * headers were checked by the gate; a method this era lacks is 404. The
 * request then runs in a session of its own, closed once answered;
 * `subscriptions/listen` keeps its stream open instead (see listen-post.ts).
 */
export const serveModernPost = async (
  endpoint: EndpointState,
  route: ModernRoute,
  message: JSONRPCMessage,
  auth?: AuthInfo,
  http?: HttpRequestInfo,
): Promise<HttpReply> => {
  // The modern era defines no client notifications over HTTP: accept and ignore one.
  if (route.message === 'notification' || route.id === undefined) return emptyResponse(202);
  const { id, method } = route;
  if (method === 'subscriptions/listen') return serveListenPost(endpoint, route, message, auth);
  if (!endpoint.server.hasMethod(method, 'modern'))
    return jsonResponse(failure(id, ErrorCode.MethodNotFound, `Method not found: ${method}`), 404);
  const session = endpoint.hub.createSession({ stateless: true });
  const { meta } = route;
  // The gate read and checked the envelope: the session takes its facts as they are.
  const facts = route.envelope;
  // Only a request that may hear progress or log messages gets a stream; the rest are answered as JSON.
  const streamed = !endpoint.json && (meta.progressToken !== undefined || meta[META.logLevel] !== undefined);
  if (!streamed) {
    const response = await session.receive(message, undefined, { auth, facts, http });
    session.close();
    if (!response) return emptyResponse(202);
    return jsonTextReply(encodeMessage(response), statusOf(response));
  }
  let answered = false;
  // Closing the response stream cancels the request: its session closes, aborting ctx.signal.
  const conn = openSse({
    keepAliveMs: endpoint.keepAliveMs,
    onGone: () => {
      if (!answered) session.close();
    },
  });
  const send = (out: JSONRPCMessage) => void conn.write({ data: encodeMessage(out) });
  const completed = session
    .receive(message, send, { auth, facts, http })
    .then((response) => {
      answered = true;
      if (response) send(response as JSONRPCMessage);
    })
    .finally(() => {
      conn.close();
      session.close();
    });
  // A quick answer goes out whole in one write; a slower one streams from the next turn.
  await Promise.race([completed, nextTurn()]);
  return conn.response;
};

/**
 * The HTTP status of a modern answer: errors a handler produced stay in-band
 * (200), except a missing client capability, which the spec answers with 400.
 */
const statusOf = (response: JsonRpcResponse): number =>
  'error' in response && response.error.code === ErrorCode.MissingRequiredClientCapability ? 400 : 200;
