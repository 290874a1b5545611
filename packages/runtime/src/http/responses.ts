import { ErrorCode, failure, type RequestId } from '@mcpkit/core';
import { type HttpReply, lowerHeaders } from './exchange.js';

/** Extra headers our own replies carry, e.g. `{ 'Mcp-Session-Id': id }`. */
export type ReplyHeaders = Readonly<Record<string, string>>;

/** A reply whose body is already JSON text. */
export const jsonTextReply = (text: string, status = 200, headers?: ReplyHeaders): HttpReply => {
  const out = lowerHeaders(headers);
  out['content-type'] = 'application/json';
  return { status, headers: out, body: text };
};

/** A JSON body with the given status and extra headers. */
export const jsonResponse = (body: unknown, status = 200, headers?: ReplyHeaders): HttpReply =>
  jsonTextReply(JSON.stringify(body), status, headers);

/**
 * An HTTP error whose body is a JSON-RPC error, so MCP clients can show the
 * reason. `id` is null unless we know which request failed.
 */
export const rpcErrorResponse = (
  status: number,
  code: number,
  message: string,
  options: { readonly id?: RequestId | null; readonly headers?: ReplyHeaders } = {},
): HttpReply => jsonResponse(failure(options.id ?? null, code, message), status, options.headers);

/** A bodiless reply. */
export const emptyResponse = (status: number, headers?: ReplyHeaders): HttpReply => ({
  status,
  headers: lowerHeaders(headers),
});

/** What a path no route serves gets: plain JSON, not a JSON-RPC error (it is not an MCP endpoint). */
export const notFound = (): HttpReply => jsonResponse({ error: 'Not Found' }, 404);

/** 503 with `Retry-After`: the session cap is reached (HTTP and SSE alike). */
export const tooManySessions = (): HttpReply =>
  rpcErrorResponse(503, ErrorCode.InternalError, 'Service Unavailable: too many sessions, try again later', {
    headers: { 'Retry-After': '30' },
  });
