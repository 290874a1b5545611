import { ErrorCode, failure, type RequestId } from '@mcpkit/core';
import type { HeaderParam } from './header-params.js';
import type { RequestEnvelope } from './request-envelope.js';

export type { RequestId };

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

/** A refusal before any session lookup. */
export const reject = (
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

/** A header that disagrees with the body, or is missing (400, -32020 naming it). */
export const mismatch = (id: RequestId | null, message: string, header: string): Rejection =>
  reject(400, ErrorCode.HeaderMismatch, `Header mismatch: ${message}`, id, { header });
