import type { AuthInfo, Lifespan, LoggingLevel, RequestId, Root, Server, SessionInfo } from '@mcpkit/core';
import type { ClientHello } from './initialize.js';
import type { Outbox } from './outbox.js';
import type { Send } from './types.js';
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
  readonly related: Send | undefined;
  /** Who sent the request, as the transport verified it; becomes `ctx.auth`. */
  readonly auth: AuthInfo | undefined;
  /** Set once the response is out: later messages go to the standing channel. */
  finished: boolean;
  /** Set when the client cancelled it: its response is never sent. */
  cancelled: boolean;
}

/** Hub-wide settings every session of a hub shares. */
export interface HubShared {
  /** The value the lifespan hook started, reachable from handlers through `lifespanOf(ctx)`. */
  readonly lifespan: unknown;
  /** Every started lifespan hook's value, by hook. */
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
}

/** The mutable insides of one session; never leaves the session layer. */
export interface SessionCore {
  readonly server: Server;
  readonly id: string | undefined;
  readonly stateless: boolean;
  readonly shared: HubShared;
  /** The hub object, exposed to handlers through `hubOf(ctx)`. */
  readonly hub: unknown;
  readonly state: Map<string, unknown>;
  readonly visibility: Visibility;
  readonly subscriptions: Set<string>;
  /** In-flight incoming requests by id key. */
  readonly inflight: Map<string, RequestScope>;
  readonly outbox: Outbox;
  hello: ClientHello | undefined;
  initialized: boolean;
  /** An initialize is running through the middleware; a second one is refused. */
  initializing: boolean;
  closed: boolean;
  level: LoggingLevel;
  channel: Send | undefined;
  /** Run once when the session closes; registered through `ctx.session.onClose`. */
  readonly cleanups: Set<() => void>;
}
