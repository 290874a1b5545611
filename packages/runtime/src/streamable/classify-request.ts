import {
  claimsModern,
  ErrorCode,
  isRecord as isObject,
  isRequestId,
  META,
  MODERN_PROTOCOL_VERSIONS,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@mcpkit/core';
import {
  type Classification,
  type ClassifyInput,
  type LegacyReason,
  type LegacyRoute,
  mismatch,
  reject,
} from './classification.js';
import { checkParamHeaders, checkStandardHeaders, header } from './header-checks.js';
import { readEnvelope } from './request-envelope.js';

export type {
  Classification,
  ClassifiedBody,
  ClassifyInput,
  LegacyReason,
  LegacyRoute,
  ModernRoute,
  Rejection,
  RequestId,
} from './classification.js';
export { rejectionBody } from './classification.js';

/** Whether `version` is a served modern revision. */
const isModernProtocolVersion = (version: unknown): version is string =>
  typeof version === 'string' && MODERN_PROTOCOL_VERSIONS.includes(version);

/** The methods whose `Mcp-Name` header mirrors a body field, and which field. */
const NAME_SOURCES: Readonly<Record<string, 'name' | 'uri'>> = Object.freeze({
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
});

type JsonObject = Record<string, unknown>;

const legacy = (reason: LegacyReason): LegacyRoute => ({ kind: 'legacy', reason });

/** Whether a message claims the modern envelope. */
const claims = (message: unknown): boolean => isObject(message) && claimsModern(message.params);

/** The `_meta` of a message's params, when it is an object. */
const metaOf = (params: unknown): JsonObject | undefined =>
  isObject(params) && isObject(params._meta) ? params._meta : undefined;

/** Classifies a request or notification that makes a modern claim. */
const classifyClaim = (
  input: ClassifyInput,
  versionHeader: string | undefined,
  message: JsonObject,
  meta: JsonObject,
): Classification => {
  const id = isRequestId(message.id) ? message.id : null;
  const method = message.method as string;
  const params = message.params as JsonObject;
  const read = readEnvelope(meta);
  if (!read.ok) {
    return reject(400, ErrorCode.InvalidParams, `Invalid params: _meta["${read.key}"] ${read.detail}`, id, {
      key: read.key,
      problem: read.problem,
    });
  }
  const { envelope } = read;
  const source = NAME_SOURCES[method];
  const named = source === undefined ? undefined : params[source];
  const name = typeof named === 'string' ? named : undefined;
  const isRequest = 'id' in message;
  // A disagreeing header is a mismatch even when the claimed revision is unknown.
  if (versionHeader !== undefined && versionHeader !== envelope.protocolVersion) {
    return mismatch(
      id,
      `MCP-Protocol-Version ${versionHeader} does not match the body's ${envelope.protocolVersion}`,
      'MCP-Protocol-Version',
    );
  }
  if (!isModernProtocolVersion(envelope.protocolVersion)) {
    return reject(400, ErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', id, {
      supported: [...SUPPORTED_PROTOCOL_VERSIONS],
      requested: envelope.protocolVersion,
    });
  }
  const refused =
    input.headers === undefined
      ? undefined
      : (checkStandardHeaders(input, id, versionHeader, method, name, isRequest) ??
        (method === 'tools/call' && isRequest ? checkParamHeaders(input, id, params) : undefined));
  if (refused) return refused;
  // The modern era has no handshake: an initialize that claims it is an unknown method, and opens no session.
  if (method === 'initialize') {
    return reject(
      404,
      ErrorCode.MethodNotFound,
      'Method not found: initialize (revision 2026-07-28 has no handshake)',
      id,
    );
  }
  return {
    kind: 'modern',
    message: isRequest ? 'request' : 'notification',
    id: id ?? undefined,
    version: envelope.protocolVersion,
    method,
    name,
    meta,
    envelope,
  };
};

/** Whether a value is a JSON-RPC request or notification this classifier can read. */
const isCall = (value: JsonObject): boolean =>
  value.jsonrpc === '2.0' &&
  typeof value.method === 'string' &&
  (!('id' in value) || isRequestId(value.id)) &&
  (value.params === undefined || isObject(value.params));

/**
 * Decides the era of one HTTP request before any session lookup or version
 * gate (MCP 2026-07-28 beside 2025-11-25 on one endpoint). The body decides:
 * a `params._meta["io.modelcontextprotocol/protocolVersion"]` claim makes it
 * modern, no claim leaves it on today's 2025 path. Headers are checked
 * against a modern body, never trusted over it. Refusals, in order: a
 * malformed envelope (400, -32602, naming the key); a header disagreeing with
 * the body's revision (400, -32020); an unsupported revision (400, -32022
 * with `data.supported` and `data.requested`); a missing or disagreeing
 * `Mcp-Method`/`Mcp-Name`/`Mcp-Param-*` header (400, -32020); an `initialize`
 * claiming the modern era (404, -32601). A request without a claim but with
 * a modern `MCP-Protocol-Version` header lacks its envelope (400, -32602), and
 * so does such a notification (the revision defines no header-only message).
 * Anything the 2025 path already answers (non-POST, bad JSON, batches,
 * responses, invalid messages) stays legacy so its replies do not change.
 * Pure: no I/O, never throws.
 */
export const classifyRequest = (input: ClassifyInput): Classification => {
  if (input.httpMethod !== 'POST' && input.httpMethod.toUpperCase() !== 'POST') return legacy('http-method');
  const versionHeader = header(input, 'mcp-protocol-version');
  const modernHeader = isModernProtocolVersion(versionHeader);
  if (!input.body.parsed) {
    return modernHeader
      ? reject(400, ErrorCode.ParseError, 'Parse error: the body is not valid JSON', null)
      : legacy('unparsed');
  }
  const body = input.body.value;
  if (Array.isArray(body)) {
    // Modern requests are one message per POST; batches are 2025-era traffic only.
    if (modernHeader || body.some(claims)) {
      return reject(400, ErrorCode.InvalidRequest, 'Invalid Request: revision 2026-07-28 does not allow batches', null);
    }
    return legacy('batch');
  }
  if (!isObject(body) || !isCall(body)) {
    const id = isObject(body) && isRequestId(body.id) ? body.id : null;
    if (isObject(body) && ('result' in body || 'error' in body) && !modernHeader) return legacy('response');
    return modernHeader
      ? reject(400, ErrorCode.InvalidRequest, 'Invalid Request: not a JSON-RPC request or notification', id)
      : legacy('invalid');
  }
  const id = isRequestId(body.id) ? body.id : null;
  const meta = metaOf(body.params);
  if (meta !== undefined && META.protocolVersion in meta) return classifyClaim(input, versionHeader, body, meta);
  if (body.method === 'initialize') {
    return modernHeader
      ? mismatch(
          id,
          `initialize is the 2025 handshake but MCP-Protocol-Version names ${versionHeader}`,
          'MCP-Protocol-Version',
        )
      : legacy('initialize');
  }
  // The spec defines no header-only modern message: without its envelope it cannot be served.
  if (modernHeader) {
    return reject(
      400,
      ErrorCode.InvalidParams,
      `Invalid params: _meta["${META.protocolVersion}"] is required by revision ${versionHeader}`,
      id,
      { key: META.protocolVersion, problem: 'missing' },
    );
  }
  return legacy('no-claim');
};
