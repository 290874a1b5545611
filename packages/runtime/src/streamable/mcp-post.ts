import { type AuthInfo, claimsModern, ErrorCode } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { identityOf } from '../auth/identity.js';
import { acceptsBothAnswers, isJsonContentType } from '../http/accepts.js';
import { type HttpReply, type HttpRequest, isReply } from '../http/exchange.js';
import { readMessage } from '../http/read-message.js';
import { HttpRequestView } from '../http/request-info.js';
import { jsonResponse, rpcErrorResponse, tooManySessions } from '../http/responses.js';
import { answerPost, respondOnce } from './answer-post.js';
import { type Classification, classifyRequest, type Rejection, rejectionBody } from './classify-request.js';
import { type EndpointState, findSession, findSharedSession, isInitialize } from './endpoint.js';
import type { HeaderParamsLookup } from './header-params-lookup.js';
import { serveModernPost } from './modern-post.js';
import { initializeShared, savingSession } from './shared-post.js';
import { openStatefulSession } from './stateful-session.js';
import { serveStateless } from './stateless.js';

const classify = (request: HttpRequest, message: JSONRPCMessage, lookup: HeaderParamsLookup['lookup'] | undefined) =>
  classifyRequest({
    httpMethod: 'POST',
    headers: (name) => request.header(name) ?? undefined,
    body: { parsed: true, value: message },
    headerParams: lookup,
  });

/**
 * Decides the era of a POST with {@link classifyRequest}, before any session
 * lookup: `legacy` goes down the 2025 path, a refusal is answered as is (400
 * or 404 with the JSON-RPC error, echoing the request id), `modern` is served
 * by {@link serveModernPost}. A modern `tools/call` is checked against the
 * server's `x-mcp-header` arguments (`Mcp-Param-*`): their index is waited
 * for only while it is being built.
 */
const classifyPost = (
  endpoint: EndpointState,
  request: HttpRequest,
  message: JSONRPCMessage,
): Classification | Promise<Classification> => {
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (method !== 'tools/call' || !claimsModern(params)) return classify(request, message, undefined);
  const ready = endpoint.headerParams.ready();
  if (ready) return classify(request, message, ready.lookup);
  return endpoint.headerParams.current().then((built) => classify(request, message, built.lookup));
};

/** The reply refusing a request the gate turned away. */
const rejectionReply = (rejection: Rejection): HttpReply =>
  jsonResponse(rejectionBody(rejection), rejection.httpStatus);

/** POST on the MCP endpoint: one JSON-RPC message in, its answer out. */
export const handlePost = async (
  endpoint: EndpointState,
  request: HttpRequest,
  auth?: AuthInfo,
): Promise<HttpReply> => {
  if (!isJsonContentType(request.header('content-type'))) {
    return rpcErrorResponse(415, ErrorCode.InvalidRequest, 'Unsupported Media Type: the body must be application/json');
  }
  // The spec has clients accept both, whichever mode this server answers in.
  if (!acceptsBothAnswers(request.header('accept'))) {
    return rpcErrorResponse(
      406,
      ErrorCode.InvalidRequest,
      'Not Acceptable: the Accept header must admit both application/json and text/event-stream',
    );
  }
  const read = await readMessage(request, endpoint.maxBodyBytes, endpoint.maxJsonValues);
  if (!read.ok) return read.response;
  const message = read.message;
  const http = new HttpRequestView(request, endpoint.contextHeaders);
  // The era is decided per request, before any session lookup or version gate.
  const classified = classifyPost(endpoint, request, message);
  const route = classified instanceof Promise ? await classified : classified;
  if (route.kind === 'reject') return rejectionReply(route);
  if (route.kind === 'modern') return serveModernPost(endpoint, route, message, auth, http);
  if (endpoint.stateless) return serveStateless(endpoint, request, message, auth, http);

  if (isInitialize(message)) {
    if (request.header('mcp-session-id')) {
      return rpcErrorResponse(
        400,
        ErrorCode.InvalidRequest,
        'Bad Request: initialize must not carry Mcp-Session-Id; a session is initialized once',
      );
    }
    if (endpoint.table.full() || endpoint.table.fullFor(identityOf(auth))) {
      return tooManySessions();
    }
    if (endpoint.shared) return initializeShared(endpoint, endpoint.shared, message, auth, http);
    // The session belongs to whoever opened it (see findSession).
    const entry = openStatefulSession(endpoint, identityOf(auth));
    const response = await entry.session.receive(message, undefined, { auth, http });
    if (!response || 'error' in response) {
      entry.session.close();
      return response
        ? respondOnce(endpoint, response)
        : rpcErrorResponse(500, ErrorCode.InternalError, 'initialize failed');
    }
    return respondOnce(endpoint, response, { 'Mcp-Session-Id': entry.id });
  }

  const entry = endpoint.shared
    ? await findSharedSession(endpoint, endpoint.shared, request, auth)
    : findSession(endpoint, request, auth);
  if (isReply(entry)) return entry;
  entry.busy += 1;
  return answerPost(
    endpoint,
    {
      session: endpoint.shared ? savingSession(endpoint.shared, entry) : entry.session,
      streams: entry.streams,
      nextStreamId: () => `${entry.id}.${crypto.randomUUID()}`,
      done: () => {
        entry.busy -= 1;
      },
      auth,
      http,
    },
    message,
  );
};
