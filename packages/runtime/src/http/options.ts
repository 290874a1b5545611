import type { SessionHub } from '../session/hub.js';
import type { SessionLimitOptions } from '../session/session-limits.js';
import type { AuthOptions } from './auth-options.js';
import type { Routes } from './routes.js';

/** CORS settings; `cors: true` means any origin. */
export interface CorsOptions {
  /** Allowed origins: `'*'`, a list, or a predicate. Default `'*'`. */
  readonly origin?: string | readonly string[] | ((origin: string) => boolean);
  /** Extra request headers to allow besides the MCP ones. */
  readonly allowHeaders?: readonly string[];
  /** Extra response headers to expose besides `Mcp-Session-Id` and `MCP-Protocol-Version`. */
  readonly exposeHeaders?: readonly string[];
  /** Send `Access-Control-Allow-Credentials: true` (needs an explicit origin). */
  readonly credentials?: boolean;
  /** Preflight cache lifetime in seconds. Default 600. */
  readonly maxAge?: number;
}

/** Options every HTTP-based transport shares (Streamable HTTP and legacy SSE), authentication included. */
export interface CommonHttpOptions extends AuthOptions, SessionLimitOptions {
  /**
   * Headers `ctx.http.headers` includes although it leaves them out by
   * default (`authorization`, `proxy-authorization`, `cookie`, `forwarded`,
   * `via`, `x-forwarded-*`, `x-real-ip` and other client-address headers).
   * Names, any case. Default none.
   */
  readonly contextHeaders?: readonly string[];
  /** Largest accepted request body; larger ones get 413. Default 4 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * Most JSON values in one request body, counted before parsing as one per
   * `{`, `[` and `,` outside strings; more gets 413 unparsed. Parse time and
   * heap grow with values, not bytes, so this keeps one client's 4 MiB of
   * `{},{},...` from stalling every other request. Default 100 000.
   */
  readonly maxJsonValues?: number;
  /**
   * Reject requests whose `Host` or `Origin` is not allowed (403). Default: on
   * when `allowedHosts` or `allowedOrigins` is given, and in `serveHttp` /
   * `serveSse` when bound to a loopback address.
   */
  readonly dnsRebindingProtection?: boolean;
  /** Hosts accepted in `Host` (with or without port). Default: localhost, 127.0.0.1, [::1]. */
  readonly allowedHosts?: readonly string[];
  /** Origins accepted in `Origin` (e.g. `http://localhost:5173`). Default: any loopback origin. */
  readonly allowedOrigins?: readonly string[];
  /** Answer CORS preflights and add CORS headers. Default off. */
  readonly cors?: boolean | CorsOptions;
  /** Path of the health check, or false for none. Default `/health`. */
  readonly healthPath?: string | false;
  /** Extra routes, matched before everything else. */
  readonly routes?: Routes;
  /** Interval of `: keep-alive` comments on open SSE streams, so proxies do not drop idle ones; 0 for none. Default 15 s. */
  readonly keepAliveMs?: number;
  /**
   * Most bytes an SSE stream may have waiting for a slow client. A write that
   * finds more than this still unsent from earlier writes drops the connection
   * instead of buffering on: the client resumes with `Last-Event-ID` when an
   * event store keeps the stream (legacy SSE has none: its session ends).
   * Default 8 MiB.
   */
  readonly maxStreamBufferBytes?: number;
  /**
   * Most whole replies (JSON answers, errors, short SSE answers) held back to
   * be written together at the end of the event-loop turn that answered
   * them; one more writes them at once. Written back to back, a busy
   * server's replies share the cost of waking their readers (about half its
   * CPU per request on a 2-core VM), which nearly doubles throughput under
   * load and lowers median latency; a lone request waits one
   * `setImmediate`. 0 writes each reply as soon as it is ready. Node
   * listeners only (`serveHttp`, `serveSse`, `toNodeHandler`, `toSseNodeHandler`). Default 64.
   */
  readonly maxBatchedReplies?: number;
  /** Most concurrent sessions; initialize beyond it gets 503. Default 10 000. */
  readonly maxSessions?: number;
  /** The hub sessions register with (for `hub.resourceUpdated`, lifespan); a private one by default. */
  readonly hub?: SessionHub;
}

/** Where `serveHttp` / `serveSse` listen. */
export interface ListenOptions {
  /** Port; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string;
  /**
   * Time a client has to send its request headers (also how long a connection
   * may sit idle before its first request); then it gets 408 and is closed, so
   * slow or idle clients cannot hold sockets forever. Default 60 000 (Node's).
   */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send its whole request, body included (not the response: SSE streams may last). Default 300 000 (Node's). */
  readonly requestTimeoutMs?: number;
}

/** What `serveHttp` / `serveSse` resolve to. */
export interface RunningServer {
  /** The MCP endpoint (Streamable HTTP) or the SSE endpoint (legacy), e.g. `http://127.0.0.1:3000/mcp`. */
  readonly url: string;
  readonly port: number;
  /** Ends every session and stops listening. */
  readonly close: () => Promise<void>;
}

/** Default `maxBodyBytes`: 4 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Default `maxJsonValues`. */
export const DEFAULT_MAX_JSON_VALUES = 100_000;
/** Default `maxStreamBufferBytes`: 8 MiB. */
export const DEFAULT_MAX_STREAM_BUFFER_BYTES = 8 * 1024 * 1024;
/** Default `maxSessions`. */
export const DEFAULT_MAX_SESSIONS = 10_000;
/** Default `keepAliveMs`: 15 seconds. */
export const DEFAULT_KEEP_ALIVE_MS = 15_000;

/** True for names that only reach this machine. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
