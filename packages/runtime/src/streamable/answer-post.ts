import { type AuthInfo, encodeMessage, type HttpRequestInfo, type JsonRpcResponse } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply } from '../http/exchange.js';
import { emptyResponse, jsonTextReply, type ReplyHeaders } from '../http/responses.js';
import { openSse, type SseConnection, sseReply } from '../http/sse-stream.js';
import type { Send, Session } from '../session/types.js';
import { type EndpointState, shouldPrime } from './endpoint.js';
import type { Streams } from './streams.js';

/** Where one POST is served: the session, its streams, and a fresh stream id. */
export interface Target {
  readonly session: Session;
  /** The session's streams, made on first use. */
  readonly streams: () => Streams;
  readonly nextStreamId: () => string;
  /** Headers every reply carries (e.g. `Mcp-Session-Id`). */
  readonly headers?: ReplyHeaders;
  /** Runs when the message is fully handled (response written or dropped). */
  readonly done?: () => void;
  /** Who sent the message (becomes `ctx.auth`); undefined without auth. */
  readonly auth?: AuthInfo;
  /** The HTTP request that carried it (becomes `ctx.http`). */
  readonly http?: HttpRequestInfo;
}

/** The next turn of the event loop (setImmediate runs after pending I/O callbacks; edge runtimes only have timers). */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

const isRequest = (message: JSONRPCMessage): boolean => 'method' in message && 'id' in message;

/** One response, as JSON or as a one-event SSE stream, following the endpoint's mode. */
export const respondOnce = (endpoint: EndpointState, response: JsonRpcResponse, headers?: ReplyHeaders): HttpReply => {
  if (endpoint.json) return jsonTextReply(encodeMessage(response), 200, headers);
  return sseReply([{ data: encodeMessage(response) }], headers);
};

/**
 * Serves one POSTed message. Notifications and responses get 202. A request
 * gets its response as JSON (json mode; related messages then use the GET
 * stream) or as an SSE stream carrying related messages, then the response.
 */
export const answerPost = async (
  endpoint: EndpointState,
  target: Target,
  message: JSONRPCMessage,
): Promise<HttpReply> => {
  const { session } = target;
  const extra = { auth: target.auth, http: target.http };
  if (!isRequest(message)) {
    try {
      await session.receive(message, undefined, extra);
    } finally {
      target.done?.();
    }
    return emptyResponse(202, target.headers);
  }
  if (endpoint.json) {
    try {
      const response = await session.receive(message, undefined, extra);
      // No response: the client cancelled the request, or the session closed.
      return response
        ? jsonTextReply(encodeMessage(response), 200, target.headers)
        : emptyResponse(202, target.headers);
    } finally {
      target.done?.();
    }
  }
  const streams = target.streams();
  const streamId = target.nextStreamId();
  // The POST's stream is opened when the first message needs it. With an event store that is at once (every
  // event is stored for a resume, from the priming one on); without one, a quick answer with nothing before it
  // needs no stream: it returns up the chain as one whole SSE reply. A dropped connection does not cancel the
  // request (the spec says so): with an event store the rest is kept for a resume, without one it is discarded.
  let conn: SseConnection | undefined;
  const open = (): SseConnection => {
    if (conn) return conn;
    conn = openSse({ headers: target.headers, keepAliveMs: endpoint.keepAliveMs });
    streams.open(streamId, conn);
    if (shouldPrime(endpoint, session.protocolVersion)) streams.prime(streamId);
    return conn;
  };
  if (endpoint.store) open();
  let send: Send | undefined;
  const related: Send = (out) => {
    open();
    send ??= streams.sender(streamId);
    send(out);
  };
  let settled = false;
  let quick: JsonRpcResponse | undefined;
  const completed = session
    .receive(message, related, extra)
    .then((response) => {
      settled = true;
      if (!response) return;
      if (conn) related(response as JSONRPCMessage);
      else quick = response;
    })
    .catch(() => {
      // receive never rejects by contract; a write to a gone client may throw. Either way it is over.
      settled = true;
    })
    .then(() => {
      const closed = conn ? streams.finish(streamId) : undefined;
      target.done?.();
      return closed;
    });
  // A quick answer (one that needs no I/O) is settled by the next turn of the event loop and goes out whole,
  // in one write; a slower one gets its stream's headers then, and streams.
  await Promise.race([completed, nextTurn()]);
  if (conn) return conn.response;
  if (settled) return sseReply(quick ? [{ data: encodeMessage(quick) }] : [], target.headers);
  return open().response;
};
