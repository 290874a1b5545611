import type { AuthInfo } from '../context/auth.js';
import type { HttpRequestInfo } from '../context/http.js';
import type { ClientCapabilities, Implementation, LoggingLevel, RequestId } from '../protocol/types.js';

/**
 * Which generation of the protocol a request speaks: `legacy` for the
 * initialize-and-session revisions (2024-11-05 to 2025-11-25), `modern` for
 * the stateless revisions (2026-07-28 on), whose requests carry their facts in
 * `params._meta`.
 */
export type Era = 'legacy' | 'modern';

/**
 * One MCP request as the server sees it: built once where it enters (the
 * runtime's session layer, or a direct call) and carried unchanged to the
 * handler. The per-request facts come from the session's hello on the legacy
 * era and from the request's own envelope on the modern one.
 */
export interface McpRequest {
  /** The JSON-RPC id; `undefined` for direct calls (`server.callTool()` and friends). */
  readonly id: RequestId | undefined;
  readonly method: string;
  /** As sent; the dispatcher checks it is an object before any handler sees it. */
  readonly params: unknown;
  /** `params._meta`, when it is an object. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly era: Era;
  /** The revision this request is served at; `undefined` before initialize and for direct calls. */
  readonly protocolVersion: string | undefined;
  readonly clientInfo: Implementation | undefined;
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** The level below which `ctx.log` entries are dropped; `undefined` when nothing can be heard. */
  readonly logLevel: LoggingLevel | undefined;
  /** Who sent it, as the transport verified; becomes `ctx.auth`. */
  readonly auth: AuthInfo | undefined;
  /** The HTTP request that carried it, on HTTP and SSE transports; becomes `ctx.http`. */
  readonly http?: HttpRequestInfo;
}

/** What the client said at `initialize`, after version negotiation. */
export interface ClientHello {
  readonly protocolVersion: string;
  readonly clientInfo: Implementation | undefined;
  readonly capabilities: ClientCapabilities;
}

/**
 * What the methods a session answers (`initialize`, `logging/setLevel`,
 * `resources/subscribe` and `unsubscribe`) do to the session serving the
 * request. A runtime supplies it as `ctx['~session']`; without one (direct
 * calls) those methods do not exist. Each may throw a `ProtocolError`.
 */
export interface SessionControl {
  /** Records the client's hello (the params as the middleware chain handed them on). */
  readonly initialize: (hello: ClientHello) => void;
  readonly setLogLevel: (level: LoggingLevel) => void;
  /** Subscribes to `uri` for the caller `auth` (who must be allowed to read it). */
  readonly subscribe: (uri: string, auth: AuthInfo | undefined) => void;
  readonly unsubscribe: (uri: string) => void;
  /**
   * Opens the `subscriptions/listen` stream this request is (2026-07-28):
   * the acknowledgement and then the requested notifications go out on the
   * request's own stream. Resolves with the listen request's result when the
   * subscription ends (the server ended it, or the client went away: then no
   * answer is sent); rejects with the error to answer instead (a bad filter,
   * too many open subscriptions). Present only on a modern listen request.
   */
  readonly listen?: (notifications: unknown, auth: AuthInfo | undefined) => Promise<Record<string, unknown>>;
}
