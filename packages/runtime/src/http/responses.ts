import type { RequestId } from '@mcpkit/core';

/** A JSON body with the given status and extra headers. */
export const jsonResponse = (body: unknown, status = 200, headers?: HeadersInit): Response => {
  const out = new Headers(headers);
  out.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: out });
};

/**
 * An HTTP error whose body is a JSON-RPC error, so MCP clients can show the
 * reason. `id` is null unless we know which request failed.
 */
export const rpcErrorResponse = (
  status: number,
  code: number,
  message: string,
  options: { readonly id?: RequestId | null; readonly headers?: HeadersInit } = {},
): Response =>
  jsonResponse({ jsonrpc: '2.0', id: options.id ?? null, error: { code, message } }, status, options.headers);

/** A bodiless response. */
export const emptyResponse = (status: number, headers?: HeadersInit): Response =>
  new Response(null, { status, headers });
