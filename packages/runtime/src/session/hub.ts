import type { Lifespan, Server } from '@mcpkit/core';
import { createHelloCache } from './hello-cache.js';
import { createLogger } from './logger.js';
import { coreOf, openSession } from './open-session.js';
import type { HubShared, RootsChangedEvent } from './session-core.js';
import { createSessionLimits, type SessionLimitOptions } from './session-limits.js';
import { pushListChanged, pushResourceUpdated } from './session-push.js';
import type { Session, SessionOptions } from './types.js';

/** Options of {@link createSessionHub}. */
export interface SessionHubOptions<TLifespan = unknown> extends SessionLimitOptions {
  /** The value a lifespan hook started; handlers read it with `lifespanOf(ctx)`. */
  readonly lifespan?: TLifespan;
  /** Every started hook's value, by hook; handlers read one with `lifespanOf(ctx, hook)`. */
  readonly lifespans?: ReadonlyMap<Lifespan, unknown>;
  /** Called when a client sends `notifications/roots/list_changed`. */
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
}

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
  /** The sessions not yet closed. */
  readonly sessions: ReadonlySet<Session>;
  /** Creates a session registered with this hub; it leaves the hub when closed. */
  readonly createSession: (options?: SessionOptions) => Session;
  /** Sends `notifications/resources/updated` to every session subscribed to `uri`. */
  readonly resourceUpdated: (uri: string) => void;
  /** Closes every live session. */
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
  // Listens to the server's list changes (its mounts', e.g. a proxy's remote) only while sessions exist.
  let stopRelay: (() => void) | undefined;
  const relayListChanged = () => {
    stopRelay ??= server.onListChanged((kind) => {
      for (const session of sessions) pushListChanged(coreOf(session), kind);
    });
  };
  const endRelay = () => {
    if (sessions.size > 0 || !stopRelay) return;
    stopRelay();
    stopRelay = undefined;
  };

  const hub: SessionHub<TLifespan> = {
    server,
    lifespan: options.lifespan as TLifespan,
    sessions,
    createSession: (sessionOptions = {}) => {
      const session = openSession(shared, sessionOptions);
      sessions.add(session);
      relayListChanged();
      return session;
    },
    resourceUpdated: (uri) => {
      for (const session of sessions) pushResourceUpdated(coreOf(session), uri);
    },
    closeAll: () => {
      for (const session of [...sessions]) session.close();
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
    forget: (session) => {
      sessions.delete(session);
      endRelay();
    },
  };
  return Object.freeze(hub);
};
