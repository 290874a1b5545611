import {
  type AuthInfo,
  ErrorCode,
  isRecord,
  type Lifespan,
  mayReadResource,
  ProtocolError,
  type Server,
} from '@mcpkit/core';
import type { BusEvent, EventBus } from '../events/event-bus.js';
import { type HubListenOptions, type ListenHandle, openListen } from '../events/listen.js';
import { listenSupportOf } from '../events/listen-support.js';
import { createMemoryEventBus } from '../events/memory-event-bus.js';
import { createSubscriptionSlots } from '../events/subscription-slots.js';
import { createHelloCache } from './hello-cache.js';
import { createLogger } from './logger.js';
import { coreOf, openSession } from './open-session.js';
import type { HubShared, RootsChangedEvent } from './session-core.js';
import { createSessionLimits, type SessionLimitOptions } from './session-limits.js';
import { pushListChanged, pushResourceUpdated } from './session-push.js';
import { createThrowawaySessions } from './throwaway-sessions.js';
import type { Session, SessionOptions } from './types.js';

/** Options of {@link createSessionHub}. */
export interface SessionHubOptions<TLifespan = unknown> extends SessionLimitOptions {
  /** The value a lifespan hook started; handlers read it with `lifespanOf(ctx)`. */
  readonly lifespan?: TLifespan;
  /** Every started hook's value, by hook; handlers read one with `lifespanOf(ctx, hook)`. */
  readonly lifespans?: ReadonlyMap<Lifespan, unknown>;
  /** Called when a client sends `notifications/roots/list_changed`. */
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
  /**
   * Where list changes and resource updates are published and heard (an
   * in-memory bus by default; a shared driver carries them across instances).
   * The hub never closes a bus it was given.
   */
  readonly eventBus?: EventBus;
  /** Cap on open `subscriptions/listen` streams (2026-07-28) of this hub (default 1000). */
  readonly maxListenStreams?: number;
}

/** The first listed URI `auth` may not read (as `resources/subscribe` refuses it), as the -32602 to answer. */
const unreadableUri = (
  server: Server,
  notifications: unknown,
  auth: AuthInfo | undefined,
): ProtocolError | undefined => {
  const uris = isRecord(notifications) ? notifications.resourceSubscriptions : undefined;
  if (!Array.isArray(uris)) return undefined;
  const refused = uris.find((uri) => typeof uri === 'string' && !mayReadResource(server.components, uri, auth));
  return refused === undefined
    ? undefined
    : new ProtocolError(ErrorCode.InvalidParams, 'Resource not found', { uri: refused });
};

/**
 * Owns the live sessions of one served server. Transports create sessions
 * through it; app code uses it to push resource updates to subscribers. While
 * it has sessions it relays `server.onListChanged` (a mount's lists changed)
 * to each of them as `notifications/{tools,resources,prompts}/list_changed`.
 */
export interface SessionHub<TLifespan = unknown> {
  readonly server: Server;
  /** The lifespan value given at creation. */
  readonly lifespan: TLifespan;
  /**
   * The standing sessions not yet closed. The throwaway session a stateless
   * or 2026-07-28 request runs in is not listed (closing the hub still ends it).
   */
  readonly sessions: ReadonlySet<Session>;
  /** Creates a session registered with this hub; it leaves the hub when closed. */
  readonly createSession: (options?: SessionOptions) => Session;
  /**
   * Publishes that `uri` changed: 2025 sessions subscribed to it and 2026
   * listen streams naming it (or a parent) are told.
   */
  readonly resourceUpdated: (uri: string) => void;
  /** The bus list changes and resource updates travel on. */
  readonly bus: EventBus;
  /**
   * Opens a `subscriptions/listen` stream (2026-07-28): the handle, or the
   * error to answer the request with (bad filter, too many open subscriptions).
   */
  readonly listen: (options: HubListenOptions) => Promise<ListenHandle | ProtocolError>;
  /** Closes every live session and ends every listen stream. */
  readonly closeAll: () => void;
}

/**
 * Creates a hub for `server`. No module-level state: each `serve()` (or test)
 * makes its own hub, and handlers reach it with `hubOf(ctx)`.
 *
 * @example
 * const hub = createSessionHub(server);
 * const session = hub.createSession({ id: crypto.randomUUID() });
 * hub.resourceUpdated('config://app');
 */
export const createSessionHub = <TLifespan = unknown>(
  server: Server,
  options: SessionHubOptions<TLifespan> = {},
): SessionHub<TLifespan> => {
  const sessions = new Set<Session>();
  const throwaway = createThrowawaySessions<Session>(coreOf);
  const listens = new Map<ListenHandle, () => void>();
  const bus = options.eventBus ?? createMemoryEventBus();
  const slots = createSubscriptionSlots(options.maxListenStreams);
  const support = listenSupportOf(server.capabilities);
  const publish = (event: BusEvent) => {
    bus.publish(event).catch((error) => console.error('mcpkit: publishing to the event bus failed:', error));
  };
  // 2025 sessions hear the bus like any listen stream; each session still filters by its own state.
  const heard = bus.subscribe({ lists: 'all', uris: 'all' }, (event) => {
    for (const session of sessions) {
      if (event.type === 'list_changed') pushListChanged(coreOf(session), event.kind);
      else pushResourceUpdated(coreOf(session), event.uri);
    }
  });
  heard.catch((error) => console.error('mcpkit: subscribing to the event bus failed:', error));
  // Publishes the server's list changes (its mounts', e.g. a proxy's remote) only while someone can hear them.
  let stopRelay: (() => void) | undefined;
  const relayListChanged = () => {
    stopRelay ??= server.onListChanged((kind) => publish({ type: 'list_changed', kind }));
  };
  const endRelay = () => {
    if (sessions.size > 0 || listens.size > 0 || !stopRelay) return;
    stopRelay();
    stopRelay = undefined;
  };

  const hub: SessionHub<TLifespan> = {
    server,
    lifespan: options.lifespan as TLifespan,
    sessions,
    createSession: (sessionOptions = {}) => {
      const session = openSession(shared, sessionOptions);
      // A stateless session never hears a list change (it has no standing channel): only the others start the
      // relay, so a stateless server does not subscribe and unsubscribe it around every request.
      if (sessionOptions.stateless) throwaway.add(session);
      else {
        sessions.add(session);
        relayListChanged();
      }
      return session;
    },
    resourceUpdated: (uri) => publish({ type: 'resource_updated', uri }),
    bus,
    listen: async (listen) => {
      const unreadable = unreadableUri(server, listen.notifications, listen.auth);
      if (unreadable) return unreadable;
      const opened = await openListen({ ...listen, support, bus, slots });
      if (opened instanceof ProtocolError) return opened;
      const close = () => {
        opened.close();
        listens.delete(handle);
        endRelay();
      };
      const handle: ListenHandle = Object.freeze({ ...opened, close });
      listens.set(handle, listen.onServerEnd);
      relayListChanged();
      return handle;
    },
    closeAll: () => {
      // Listen streams first: each is answered as it ends, even though its session closes next.
      for (const [handle, onServerEnd] of [...listens]) {
        handle.close();
        onServerEnd();
      }
      for (const session of [...sessions]) session.close();
      for (const session of throwaway.list()) session.close();
      endRelay();
    },
  };
  // One object for all sessions of this hub: what they share costs an idle session nothing.
  const shared: HubShared = {
    server,
    hub,
    lifespan: options.lifespan,
    lifespans: options.lifespans ?? new Map(),
    onRootsChanged: options.onRootsChanged,
    internHello: createHelloCache(),
    limits: createSessionLimits(options),
    unheardLogger: createLogger({ level: 'emergency' }, () => undefined),
    listen: hub.listen,
    forget: (session) => {
      if (!throwaway.remove(session)) sessions.delete(session);
      endRelay();
    },
  };
  return Object.freeze(hub);
};
