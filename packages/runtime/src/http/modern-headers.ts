import { ErrorCode, isRecord, ProtocolError } from '@mcpkit/core';
import type { HttpRequest } from './exchange.js';

/** Methods whose `Mcp-Name` header must mirror `params.name` or `params.uri`. */
const NAMED: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

const BASE64_SENTINEL = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/;

/** A mirrored header value as the body has it: Base64 sentinel values decoded (UTF-8). */
const decodeHeaderValue = (value: string): string | undefined => {
  const encoded = BASE64_SENTINEL.exec(value);
  if (!encoded) return value;
  try {
    const bytes = Uint8Array.from(atob(encoded[1] as string), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

const mismatch = (message: string) => new ProtocolError(ErrorCode.HeaderMismatch, `Header mismatch: ${message}`);

/**
 * Checks the headers a modern (2026-07-28) Streamable HTTP request must carry
 * against its body: `MCP-Protocol-Version`, `Mcp-Method` and, for calls, reads
 * and prompts, `Mcp-Name`. Returns the -32020 error to answer with 400, or
 * undefined when they agree.
 */
export const checkModernHeaders = (
  request: HttpRequest,
  method: string,
  params: unknown,
  claimedVersion: string,
): ProtocolError | undefined => {
  const version = request.header('mcp-protocol-version');
  if (version === null) return mismatch('the MCP-Protocol-Version header is required');
  if (version !== claimedVersion)
    return mismatch(`MCP-Protocol-Version header value '${version}' does not match body value '${claimedVersion}'`);
  const methodHeader = request.header('mcp-method');
  if (methodHeader === null) return mismatch('the Mcp-Method header is required');
  if (methodHeader !== method)
    return mismatch(`Mcp-Method header value '${methodHeader}' does not match body value '${method}'`);
  const field = NAMED[method];
  if (!field) return undefined;
  const nameHeader = request.header('mcp-name');
  if (nameHeader === null) return mismatch(`the Mcp-Name header is required for ${method}`);
  const expected = isRecord(params) ? params[field] : undefined;
  const named = decodeHeaderValue(nameHeader);
  if (named === undefined) return mismatch('the Mcp-Name header is not valid Base64-encoded UTF-8');
  if (named !== expected)
    return mismatch(`Mcp-Name header value '${named}' does not match body value '${String(expected)}'`);
  return undefined;
};
