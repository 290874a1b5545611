import {
  ErrorCode,
  failure,
  isRecord as isObject,
  META,
  MODERN_PROTOCOL_VERSIONS,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@mcpkit/core';
import type { HeaderParam } from './header-params.js';
import { decodeHeaderValue } from './header-value.js';
import { type RequestEnvelope, readEnvelope } from './request-envelope.js';

/** Whether `version` is a served modern revision. */
const isModernProtocolVersion = (version: unknown): version is string =>
  typeof version === 'string' && MODERN_PROTOCOL_VERSIONS.includes(version);

/** A JSON-RPC request id. */
export type RequestId = string | number;

/** A POST body as the transport read it: parsed JSON, or bytes that were not JSON. */
export type ClassifiedBody = { readonly parsed: true; readonly value: unknown } | { readonly parsed: false };

/** What the classifier looks at; nothing else about the HTTP request matters to the era. */
export interface ClassifyInput {
  /** `POST`, `GET`, `DELETE`, … */
  readonly httpMethod: string;
  /**
   * Request headers by lowercased name (`mcp-protocol-version`, `mcp-method`,
   * `mcp-name`, `mcp-param-*`). Leave it out for a transport with no header
   * layer (stdio): then no header is required or checked. A transport may
   * pass its own lookup by lowercased name instead of copying every header.
   */
  readonly headers?: Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined);
  readonly body: ClassifiedBody;
  /**
   * The `x-mcp-header` arguments of a tool by name (see `headerParamsOf`);
   * undefined for an unknown tool, whose call then fails later as usual.
   */
  readonly headerParams?: (toolName: string) => readonly HeaderParam[] | undefined;
}

/** Why a request goes down today's 2025 path. */
export type LegacyReason = 'http-method' | 'unparsed' | 'batch' | 'response' | 'invalid' | 'initialize' | 'no-claim';

/** Served as 2025-era traffic (stateful or stateless, as configured), exactly as before. */
export interface LegacyRoute {
  readonly kind: 'legacy';
  readonly reason: LegacyReason;
}

/** Served statelessly on the modern era, with the facts read from the body. */
export interface ModernRoute {
  readonly kind: 'modern';
  /** `request`, or `notification` (no id). */
  readonly message: 'request' | 'notification';
  readonly id: RequestId | undefined;
  /** The claimed revision, one of `MODERN_PROTOCOL_VERSIONS`. */
  readonly version: string;
  readonly method: string;
  /** `params.name` (tools/call, prompts/get) or `params.uri` (resources/read), when present. */
  readonly name: string | undefined;
  /** The request's whole `params._meta`. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** The reserved envelope keys, validated. */
  readonly envelope: RequestEnvelope;
}

/** Refused before any session lookup: answer `httpStatus` with this JSON-RPC error. */
export interface Rejection {
  readonly kind: 'reject';
  readonly httpStatus: number;
  readonly code: number;
  readonly message: string;
  readonly data: unknown;
  /** The request's id when the body parsed and had a valid one, else null. */
  readonly id: RequestId | null;
}

/** The era of one HTTP request, or why it is refused. */
export type Classification = LegacyRoute | ModernRoute | Rejection;

/** The JSON-RPC error response a rejection is sent as. */
export const rejectionBody = (rejection: Rejection) =>
  failure(rejection.id, rejection.code, rejection.message, rejection.data);

/** The methods whose `Mcp-Name` header mirrors a body field, and which field. */
const NAME_SOURCES: Readonly<Record<string, 'name' | 'uri'>> = Object.freeze({
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
});

type JsonObject = Record<string, unknown>;

const isId = (id: unknown): id is RequestId =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

const legacy = (reason: LegacyReason): LegacyRoute => ({ kind: 'legacy', reason });

const reject = (
  httpStatus: number,
  code: number,
  message: string,
  id: RequestId | null,
  data?: unknown,
): Rejection => ({
  kind: 'reject',
  httpStatus,
  code,
  message,
  data,
  id,
});

const mismatch = (id: RequestId | null, message: string, header: string): Rejection =>
  reject(400, ErrorCode.HeaderMismatch, `Header mismatch: ${message}`, id, { header });

const isOws = (code: number): boolean => code === 0x20 || code === 0x09;

/** A header value without the optional whitespace around it (RFC 9110); no copy when there is none. */
const header = (input: ClassifyInput, name: string): string | undefined => {
  const { headers } = input;
  const value = typeof headers === 'function' ? headers(name) : headers?.[name];
  if (value === undefined || value === '') return value;
  if (!isOws(value.charCodeAt(0)) && !isOws(value.charCodeAt(value.length - 1))) return value;
  let start = 0;
  let end = value.length;
  while (start < end && isOws(value.charCodeAt(start))) start++;
  while (end > start && isOws(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
};

/** The `_meta` of a message's params, when it is an object. */
const metaOf = (params: unknown): JsonObject | undefined =>
  isObject(params) && isObject(params._meta) ? params._meta : undefined;

/** Whether a message claims the modern envelope: its `_meta` has the protocol-version key. */
const claims = (message: unknown): boolean => {
  const meta = isObject(message) ? metaOf(message.params) : undefined;
  return meta !== undefined && META.protocolVersion in meta;
};

/** The value at a chain of property keys, or undefined. */
const valueAt = (root: unknown, path: readonly string[]): unknown => {
  let node = root;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
};

/** Whether a decoded header value stands for a body value of the argument's type. */
const sameValue = (decoded: string, value: unknown, type: HeaderParam['type']): boolean => {
  if (type === 'integer' && typeof value === 'number') {
    // Compared numerically: `42.0` and `42` are the same integer.
    return decoded.trim() !== '' && /^[+-]?\d+(\.0*)?$/.test(decoded) && Number(decoded) === value;
  }
  if (type === 'boolean' && typeof value === 'boolean') return decoded === String(value);
  return typeof value === 'string' ? decoded === value : decoded === String(value);
};

/** Checks every `Mcp-Param-*` header a tools/call must carry against its arguments. */
const checkParamHeaders = (input: ClassifyInput, id: RequestId | null, params: JsonObject): Rejection | undefined => {
  const name = params.name;
  if (typeof name !== 'string' || !input.headerParams) return undefined;
  const declared = input.headerParams(name);
  if (!declared) return undefined;
  for (const param of declared) {
    const value = valueAt(params.arguments, param.path);
    const headerName = `Mcp-Param-${param.header}`;
    const raw = header(input, `mcp-param-${param.header.toLowerCase()}`);
    // Absent or null arguments have no header, and none is expected.
    if (value === undefined || value === null) continue;
    if (raw === undefined)
      return mismatch(id, `${headerName} is required when arguments.${param.path.join('.')} is set`, headerName);
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return mismatch(id, `${headerName} is not a valid header value`, headerName);
    if (!sameValue(decoded, value, param.type)) {
      return mismatch(id, `${headerName} does not match arguments.${param.path.join('.')}`, headerName);
    }
  }
  return undefined;
};

/**
 * Checks a modern message's standard headers against its body, once the
 * version header is known to agree (or be absent): presence of
 * `MCP-Protocol-Version` and `Mcp-Method` on requests, `Mcp-Method` equality,
 * and `Mcp-Name` for the methods that name something.
 */
const checkStandardHeaders = (
  input: ClassifyInput,
  id: RequestId | null,
  method: string,
  name: string | undefined,
  isRequest: boolean,
): Rejection | undefined => {
  const versionHeader = header(input, 'mcp-protocol-version');
  const methodHeader = header(input, 'mcp-method');
  if (methodHeader !== undefined && methodHeader !== method) {
    return mismatch(id, `Mcp-Method ${methodHeader} does not match the body's ${method}`, 'Mcp-Method');
  }
  // Headers are required on requests; the spec defines none for posted notifications.
  if (!isRequest) return undefined;
  if (versionHeader === undefined)
    return mismatch(id, 'the MCP-Protocol-Version header is required', 'MCP-Protocol-Version');
  if (methodHeader === undefined) return mismatch(id, 'the Mcp-Method header is required', 'Mcp-Method');
  if (name === undefined) return undefined;
  const nameHeader = header(input, 'mcp-name');
  if (nameHeader === undefined) return mismatch(id, `the Mcp-Name header is required for ${method}`, 'Mcp-Name');
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === undefined) return mismatch(id, 'Mcp-Name is not a valid header value', 'Mcp-Name');
  if (decoded !== name)
    return mismatch(
      id,
      `Mcp-Name ${JSON.stringify(decoded)} does not match the body's ${JSON.stringify(name)}`,
      'Mcp-Name',
    );
  return undefined;
};

/** Classifies a request or notification that makes a modern claim. */
const classifyClaim = (input: ClassifyInput, message: JsonObject, meta: JsonObject): Classification => {
  const id = isId(message.id) ? message.id : null;
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
  const versionHeader = header(input, 'mcp-protocol-version');
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
      : (checkStandardHeaders(input, id, method, name, isRequest) ??
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
  (!('id' in value) || isId(value.id)) &&
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
    const id = isObject(body) && isId(body.id) ? body.id : null;
    if (isObject(body) && ('result' in body || 'error' in body) && !modernHeader) return legacy('response');
    return modernHeader
      ? reject(400, ErrorCode.InvalidRequest, 'Invalid Request: not a JSON-RPC request or notification', id)
      : legacy('invalid');
  }
  const id = isId(body.id) ? body.id : null;
  const meta = metaOf(body.params);
  if (meta !== undefined && META.protocolVersion in meta) return classifyClaim(input, body, meta);
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
