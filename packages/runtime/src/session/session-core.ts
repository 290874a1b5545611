import type {
  Lifespan,
  Logger,
  ProtocolError,
  RequestId,
  Root,
  Server,
  SessionControl,
  SessionInfo,
  SessionStateMethods,
} from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HubListenOptions, ListenHandle } from '../events/listen.js';
import type { ClientHello } from './initialize.js';
import type { Outbox } from './outbox.js';
import type { RuntimeSessionInfo } from './runtime-session-info.js';
import type { SessionBacking } from './session-backing.js';
import type { SessionRecord } from './session-record.js';
import type { Send, Session } from './types.js';
import type { Visibility } from './visibility.js';

/**
 * What the session keeps of a request in flight (a `RunningRequest` of
 * request-context.ts): enough to cancel it, abort it at close and route what
 * it sends. Declared here so the session record needs nothing above it.
 */
export interface InFlightRequest {
  readonly id: RequestId;
  /** Aborts `ctx.signal`: client cancellation or session close. */
  readonly controller: AbortController;
  /** The request's own stream, when the transport gave it one. */
  readonly related: Send | undefined;
  /** Set when the client cancelled it: its response is never sent. */
  cancelled: boolean;
  /** Set when the server ended it on purpose (a listen stream at shutdown): answered even if the session closes meanwhile. */
  answerAfterClose: boolean;
}

/** The hub-wide side of the limits (see session-limits.ts): the running total of what sessions keep. */
export interface SessionLimits {
  readonly maxHelloBytes: number;
  readonly maxTotalHelloBytes: number;
  readonly maxSubscriptions: number;
  readonly maxSubscriptionUriLength: number;
  /** Bytes of hello all sessions keep now. */
  helloBytes: number;
}

/** Told when a client reports that its roots changed (`notifications/roots/list_changed`). */
export interface RootsChangedEvent {
  /** The session whose client sent the notification. */
  readonly session: SessionInfo;
  /** Asks that client for its current roots, over the session's standing channel. */
  readonly roots: () => Promise<Root[]>;
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
  /** Opens a `subscriptions/listen` stream on the hub (see `SessionHub.listen`). */
  readonly listen: (options: HubListenOptions) => Promise<ListenHandle | ProtocolError>;
}

/**
 * One live session: its record plus the connection serving it (requests in
 * flight, requests sent to the client, the standing channel, cleanups).
 * Never leaves the session layer. Every collection is made on first use: an
 * idle session carries none of them.
 */
export interface SessionCore {
  /** The session as data (hello, level, subscriptions, rules, state): what a store would keep. */
  readonly record: SessionRecord;
  readonly shared: HubShared;
  readonly stateless: boolean;
  /** The transport's `onClose` option. */
  readonly onClose: (() => void) | undefined;
  /** The record's rules compiled into a check, made on the first `ctx.session.enable/disable`. */
  visibility: Visibility | undefined;
  /** The in-flight request when only one runs (the common case): no Map needed. */
  solo: InFlightRequest | undefined;
  /** Further in-flight requests by id, made when two run at once. */
  others: Map<RequestId, InFlightRequest> | undefined;
  /** Requests sent to the client, made on the first one. */
  outbox: Outbox | undefined;
  /**
   * Set while an initialize runs through the middleware (a second one is then
   * refused): the hello it offers, as the chain handed it on.
   */
  offered: ClientHello | undefined;
  /** Settles when the running initialize has been answered; requests sent behind it wait for it. */
  initializing: Promise<void> | undefined;
  /** What the session methods do to this session, made on the first request. */
  control: SessionControl | undefined;
  closed: boolean;
  channel: Send | undefined;
  /** `ctx.log` and `ctx.session` of requests with no stream of their own, made once. */
  logger: Logger | undefined;
  info: RuntimeSessionInfo | undefined;
  /** Run once when the session closes; registered through `ctx.session.onClose`. */
  cleanups: Set<() => void> | undefined;
  /** The shared store the record is kept in, when the transport has one (see session-backing.ts). */
  backing: SessionBacking | undefined;
  /** `ctx.session.getState/setState/deleteState`, made on first use. */
  stateMethods: SessionStateMethods | undefined;
  /** Prefix of the ids of requests sent to the client (unique per instance when several share sessions). */
  outboxPrefix: string | undefined;
  /** Told about a client response no request of this session waits for (another instance may wait for it). */
  onStrayResponse: ((message: JSONRPCMessage) => void) | undefined;
  /** Where the hub keeps this session among its throwaway ones (see throwaway-sessions.ts); -1 for the others. */
  slot: number;
}
