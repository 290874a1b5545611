import {
  type AuthInfo,
  claimsModern,
  ErrorCode,
  encodeMessage,
  failure,
  type HttpRequestInfo,
  type JsonRpcResponse,
  META,
} from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply, HttpRequest } from '../http/exchange.js';
import { emptyResponse, jsonResponse, jsonTextReply } from '../http/responses.js';
import { openSse } from '../http/sse-stream.js';
import { nextTurn } from './answer-post.js';
import {
  type Classification,
  classifyRequest,
  type ModernRoute,
  type Rejection,
  rejectionBody,
} from './classify-request.js';
import type { EndpointState } from './endpoint.js';
import { serveListenPost } from './listen-post.js';

/**
 * Decides the era of a POST with {@link classifyRequest}, before any session
 * lookup: `legacy` goes down the 2025 path, a refusal is answered as is (400
 * or 404 with the JSON-RPC error, echoing the request id), `modern` is served
 * by {@link serveModernPost}. `tools/call` is checked against the server's
 * `x-mcp-header` arguments (`Mcp-Param-*`).
 */
export const classifyPost = async (
  endpoint: EndpointState,
  request: HttpRequest,
  message: JSONRPCMessage,
): Promise<Classification> => {
  const { method, params } = message as { method?: unknown; params?: unknown };
  // Only a modern call has Mcp-Param-* headers to check.
  const lookup =
    method === 'tools/call' && claimsModern(params) ? (await endpoint.headerParams.current()).lookup : undefined;
  return classifyRequest({
    httpMethod: 'POST',
    headers: (name) => request.header(name) ?? undefined,
    body: { parsed: true, value: message },
    headerParams: lookup,
  });
};

/** The reply refusing a request the gate turned away. */
export const rejectionReply = (rejection: Rejection): HttpReply =>
  jsonResponse(rejectionBody(rejection), rejection.httpStatus);

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
