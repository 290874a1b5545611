import type { Store } from '@mcpkit/core';
import type { CommonHttpOptions } from '../http/options.js';
import type { EventStore } from './event-store.js';

/** Options of the Streamable HTTP transport (`toFetchHandler`, `toNodeHandler`, `serveHttp`). */
export interface HttpOptions extends CommonHttpOptions {
  /** The MCP endpoint. Default `/mcp`. */
  readonly path?: string;
  /** Answer requests with one `application/json` body instead of an SSE stream. Default false. */
  readonly json?: boolean;
  /** No sessions: every POST is served by a fresh, throwaway session; GET and DELETE get 405. */
  readonly stateless?: boolean;
  /** Where SSE events are kept for `Last-Event-ID` resumption. Default none (no resumption). */
  readonly eventStore?: EventStore;
  /**
   * Most concurrent sessions one authenticated identity (token subject, else
   * client id) may hold; its next initialize gets 503 with `Retry-After`, so
   * one client cannot take every slot of `maxSessions`. No effect without
   * `auth`. Default 1000.
   */
  readonly maxSessionsPerIdentity?: number;
  /** Idle time after which a session is closed. Default 30 minutes. */
  readonly sessionTtlMs?: number;
  /**
   * Shares 2025-era stateful sessions with every instance using the same
   * store (`redisStore()` from `@mcpkit/redis`): each session's record
   * (hello, log level, subscriptions, visibility rules, state) is kept there
   * with the session TTL, so any instance behind a load balancer serves it,
   * and a client's answer to a server request is routed to the instance that
   * waits for it. `maxSessions` then caps sessions across all instances.
   * Stateless mode keeps no sessions and never calls it. Default none:
   * sessions live in this process only. See docs/scaling.md.
   */
  readonly sessionStore?: Store;
  /**
   * Deadline of each `sessionStore` call; a request whose store call fails or
   * takes longer gets 503 with `Retry-After`. Default 3 seconds.
   */
  readonly sessionStoreTimeoutMs?: number;
  /**
   * Longest life of one GET stream connection; then the server ends it and
   * the client reconnects (resuming with `Last-Event-ID` when there is an
   * event store). An open stream keeps its session from idle eviction, so this
   * bounds how long a client that only holds sockets keeps its sessions.
   * `Infinity` for no limit. Default 10 minutes.
   */
  readonly maxStreamMs?: number;
}

/** Default `maxSessionsPerIdentity`. */
export const DEFAULT_MAX_SESSIONS_PER_IDENTITY = 1000;
/** Default `sessionTtlMs`: 30 minutes. */
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;
/** Default `maxStreamMs`: 10 minutes. */
export const DEFAULT_MAX_STREAM_MS = 10 * 60 * 1000;
/** Default `sessionStoreTimeoutMs`: 3 seconds. */
export const DEFAULT_SESSION_STORE_TIMEOUT_MS = 3000;
