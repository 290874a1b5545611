import { type AuthInfo, ErrorCode } from '@mcpkit/core';
import { accepts } from '../http/accepts.js';
import { type HttpReply, type HttpRequest, isReply } from '../http/exchange.js';
import { rpcErrorResponse } from '../http/responses.js';
import { openSse } from '../http/sse-stream.js';
import { type EndpointState, findSession, findSharedSession, shouldPrime } from './endpoint.js';
import { standaloneStreamId } from './stateful-session.js';
import { streamLifetime } from './stream-lifetime.js';

/** 405 for GET/DELETE in stateless mode: there is no session to stream to or end. */
export const statelessNotAllowed = (): HttpReply =>
  rpcErrorResponse(405, ErrorCode.InvalidRequest, 'Method Not Allowed: this server is stateless; only POST is served', {
    headers: { Allow: 'POST' },
  });

/**
 * GET on the MCP endpoint: opens the session's standalone SSE stream, where
 * messages tied to no request go (list_changed, resources/updated, and in
 * json mode the server's requests to the client). With `Last-Event-ID` and an
 * event store, it resumes that stream instead (POST streams included).
 */
export const handleGet = async (endpoint: EndpointState, request: HttpRequest, auth?: AuthInfo): Promise<HttpReply> => {
  if (endpoint.stateless) return statelessNotAllowed();
  if (!accepts(request.header('accept'), 'text/event-stream')) {
    return rpcErrorResponse(
      406,
      ErrorCode.InvalidRequest,
      'Not Acceptable: the Accept header must admit text/event-stream',
    );
  }
  const entry = endpoint.shared
    ? await findSharedSession(endpoint, endpoint.shared, request, auth)
    : findSession(endpoint, request, auth);
  if (isReply(entry)) return entry;
  const streams = entry.streams();
  const standaloneId = standaloneStreamId(entry);

  const lastEventId = request.header('last-event-id');
  // Each GET connection lasts at most maxStreamMs; see stream-lifetime.ts.
  const lifetime = streamLifetime(endpoint.maxStreamMs);
  if (lastEventId && endpoint.store) {
    const conn = openSse({ keepAliveMs: endpoint.keepAliveMs, onGone: lifetime.clear });
    if (await streams.resume(lastEventId, conn)) {
      lifetime.start(conn);
      // The standalone stream of a session that moved here: its messages now go out from this instance.
      if (endpoint.shared && streams.connected(standaloneId)) entry.session.setChannel(streams.sender(standaloneId));
      return conn.response;
    }
    // An unknown id: what it pointed at is gone, so start afresh.
    conn.close();
  }
  if (streams.connected(standaloneId)) {
    return rpcErrorResponse(409, ErrorCode.InvalidRequest, 'Conflict: this session already has an open GET stream');
  }
  const conn = openSse({ keepAliveMs: endpoint.keepAliveMs, onGone: lifetime.clear });
  streams.open(standaloneId, conn);
  lifetime.start(conn);
  entry.session.setChannel(streams.sender(standaloneId));
  if (shouldPrime(endpoint, entry.session.protocolVersion)) streams.prime(standaloneId);
  return conn.response;
};
