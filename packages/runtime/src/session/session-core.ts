import type { AuthInfo, Lifespan, Logger, LoggingLevel, RequestId, Root, Server, SessionInfo } from '@mcpkit/core';
import type { ClientHello } from './initialize.js';
import type { Outbox } from './outbox.js';
import type { RuntimeSessionInfo } from './session-info.js';
import type { SessionLimits } from './session-limits.js';
import type { Send, Session } from './types.js';
import type { Visibility } from './visibility.js';

/** Told when a client reports that its roots changed (`notifications/roots/list_changed`). */
export interface RootsChangedEvent {
  /** The session whose client sent the notification. */
  readonly session: SessionInfo;
  /** Asks that client for its current roots, over the session's standing channel. */
  readonly roots: () => Promise<Root[]>;
}

/** What the session knows about one incoming request while it runs. */
export interface RequestScope {
  readonly id: RequestId;
  readonly params: unknown;
  /** Aborts `ctx.signal`: client cancellation or session close. */
  readonly controller: AbortController;
  /** Aborted once the response is out; created on the first request to the client (most requests make none). */
  settled: AbortController | undefined;
  /** `controller` and `settled` combined: what ends this request's own requests to the client. */
  outgoing: AbortSignal | undefined;
  readonly related: Send | undefined;
  /** Who sent the request, as the transport verified it; becomes `ctx.auth`. */
  readonly auth: AuthInfo | undefined;
  /** Set once the response is out: later messages go to the standing channel. */
  finished: boolean;
  /** Set when the client cancelled it: its response is never sent. */
  cancelled: boolean;
}

/**
 * What every session of one hub shares, made once per hub so that an idle
 * session holds only its own state.
 */
export interface HubShared {
  readonly server: Server;
  /** The hub object, exposed to handlers through `hubOf(ctx)`. */
  readonly hub: unknown;
  /** The value the lifespan hook started, reachable from handlers through `lifespanOf(ctx)`. */
  readonly lifespan: unknown;
  /** Every started lifespan hook's value, by hook. */
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  readonly onRootsChanged?: ((event: RootsChangedEvent) => void | Promise<void>) | undefined;
  /** The hub's shared copy of an equal hello, when it keeps one; see hello-cache.ts. */
  readonly internHello: (hello: ClientHello) => ClientHello;
  /** What sessions may keep on a client's behalf; see session-limits.ts. */
  readonly limits: SessionLimits;
  /** Takes a closed session off the hub. */
  readonly forget: (session: Session) => void;
  /** `ctx.log` where nothing can reach the client (a stateless session without a stream of its own). */
  readonly unheardLogger: Logger;
}

/**
 * The mutable insides of one session; never leaves the session layer. Every
 * collection is made on first use: an idle session carries none of them.
 */
export interface SessionCore {
  readonly shared: HubShared;
  readonly id: string | undefined;
  readonly stateless: boolean;
  /** The transport's `onClose` option. */
  readonly onClose: (() => void) | undefined;
  /** `ctx.session.state`, made when first read. */
  state: Map<string, unknown> | undefined;
  /** Enable/disable rules, made on the first `ctx.session.enable/disable`. */
  visibility: Visibility | undefined;
  subscriptions: Set<string> | undefined;
  /** The in-flight request when only one runs (the common case): no Map needed. */
  solo: RequestScope | undefined;
  /** Further in-flight requests by id, made when two run at once. */
  others: Map<RequestId, RequestScope> | undefined;
  /** Requests sent to the client, made on the first one. */
  outbox: Outbox | undefined;
  hello: ClientHello | undefined;
  initialized: boolean;
  /** An initialize is running through the middleware; a second one is refused. */
  initializing: boolean;
  closed: boolean;
  level: LoggingLevel;
  channel: Send | undefined;
  /** `ctx.log` and `ctx.session` of requests with no stream of their own, made once. */
  logger: Logger | undefined;
  info: RuntimeSessionInfo | undefined;
  /** Run once when the session closes; registered through `ctx.session.onClose`. */
  cleanups: Set<() => void> | undefined;
}
