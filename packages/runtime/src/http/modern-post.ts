import { type AuthInfo, ErrorCode, failure, isRecord, ProtocolError, readModernFacts } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { dispatch } from './dispatch.js';
import type { Endpoint } from './endpoint.js';
import type { HttpReply, HttpRequest } from './exchange.js';
import { checkModernHeaders } from './modern-headers.js';
import { emptyResponse, jsonResponse } from './responses.js';
import { createStreams, type Streams } from './streams.js';

const rejected = (status: number, id: unknown, error: ProtocolError): HttpReply =>
  jsonResponse(
    failure(typeof id === 'string' || typeof id === 'number' ? id : null, error.code, error.message, error.data),
    status,
  );

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
  const facts = readModernFacts(params);
  if (facts instanceof ProtocolError) return rejected(400, id, facts);
  const headers = checkModernHeaders(request, method, params, facts);
  if (headers) return rejected(400, id, headers);
  if (!endpoint.server.hasMethod(method, 'modern'))
    return rejected(404, id, new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${method}`));
  if (params !== undefined && !isRecord(params))
    return rejected(400, id, new ProtocolError(ErrorCode.InvalidParams, 'params must be an object'));
  const session = endpoint.hub.createSession({ stateless: true });
  let streams: Streams | undefined;
  return dispatch(
    endpoint,
    {
      session,
      streams: () => {
        streams ??= createStreams('modern.', undefined);
        return streams;
      },
      nextStreamId: () => 'modern.0',
      done: session.close,
      auth,
    },
    message,
  );
};
