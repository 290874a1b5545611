import {
  type AuthInfo,
  claimsModern,
  ErrorCode,
  encodeMessage,
  failure,
  isRecord,
  type JsonRpcResponse,
  META,
  MODERN_PROTOCOL_VERSIONS,
  ProtocolError,
  readModernFacts,
} from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { nextTurn } from './dispatch.js';
import type { Endpoint } from './endpoint.js';
import type { HttpReply, HttpRequest } from './exchange.js';
import { checkModernHeaders } from './modern-headers.js';
import { emptyResponse, jsonResponse, jsonTextReply } from './responses.js';
import { openSse } from './sse-stream.js';

const rejected = (status: number, id: unknown, error: ProtocolError): HttpReply =>
  jsonResponse(
    failure(typeof id === 'string' || typeof id === 'number' ? id : null, error.code, error.message, error.data),
    status,
  );

/**
 * Whether a POST is a modern (2026-07-28) one: its request names a revision
 * in `_meta`, or its `MCP-Protocol-Version` header names a modern revision
 * (a modern client whose envelope is malformed gets -32602, not legacy errors).
 */
export const isModernPost = (request: HttpRequest, message: JSONRPCMessage): boolean => {
  if (claimsModern((message as { params?: unknown }).params)) return true;
  const version = request.header('mcp-protocol-version');
  return version !== null && MODERN_PROTOCOL_VERSIONS.includes(version);
};

/**
 * A POST whose request names a modern revision (2026-07-28) in `_meta`:
 * served on its own, with no session, whatever mode the endpoint runs in.
 * The envelope, the revision and the mirrored headers are checked first
 * (400), then whether the method exists on this era (404); the request then
 * runs in a session of its own, closed once answered.
 */
export const serveModernPost = async (
  endpoint: Endpoint,
  request: HttpRequest,
  message: JSONRPCMessage,
  auth?: AuthInfo,
): Promise<HttpReply> => {
  const raw = message as { id?: unknown; method?: unknown; params?: unknown };
  // The modern era defines no client notifications over HTTP: accept and ignore one.
  if (raw.id === undefined || typeof raw.method !== 'string') return emptyResponse(202);
  const { id, method, params } = raw;
  // Checked in this order: the envelope names a revision, the headers agree with the body, then the
  // revision is served and the rest of the envelope is well formed.
  const claimed = isRecord(params) && isRecord(params._meta) ? params._meta[META.protocolVersion] : undefined;
  if (typeof claimed !== 'string' || claimed === '')
    return rejected(
      400,
      id,
      new ProtocolError(
        ErrorCode.InvalidParams,
        `Invalid _meta envelope: "${META.protocolVersion}" must be a non-empty string`,
        {
          key: META.protocolVersion,
        },
      ),
    );
  const headers = checkModernHeaders(request, method, params, claimed);
  if (headers) return rejected(400, id, headers);
  const facts = readModernFacts(params);
  if (facts instanceof ProtocolError) return rejected(400, id, facts);
  if (!endpoint.server.hasMethod(method, 'modern'))
    return rejected(404, id, new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${method}`));
  if (params !== undefined && !isRecord(params))
    return rejected(400, id, new ProtocolError(ErrorCode.InvalidParams, 'params must be an object'));
  const session = endpoint.hub.createSession({ stateless: true });
  const meta = isRecord(params) && isRecord(params._meta) ? params._meta : {};
  // Only a request that may hear progress or log messages gets a stream; the rest are answered as JSON.
  const streamed = !endpoint.json && (meta.progressToken !== undefined || meta[META.logLevel] !== undefined);
  if (!streamed) {
    const response = await session.receive(message, undefined, { auth, facts });
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
    .receive(message, send, { auth, facts })
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
