import { type Classification, classifyRequest } from '../streamable/classify-request.js';

/**
 * Decides the era of one message read from stdio, where there is no header
 * layer: the same body rules as HTTP (a `_meta` protocol-version claim makes
 * it modern; a malformed envelope is -32602, an unsupported revision -32022,
 * an `initialize` claiming the modern era -32601), and no header is required.
 * A rejection's `httpStatus` means nothing here: answer with its JSON-RPC
 * error (`rejectionBody`). `server/discover` with a claim is modern whether or
 * not a legacy `initialize` came before, so a client can probe first.
 */
export const classifyStdioMessage = (message: unknown): Classification =>
  classifyRequest({ httpMethod: 'POST', body: { parsed: true, value: message } });
