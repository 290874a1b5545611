import type { Server } from '@mcpkit/core';
import { type OpenedSession, openSession } from './open-session.js';
import type { RootsChangedEvent } from './session-core.js';
import type { Session, SessionOptions } from './types.js';

/** Options of {@link createSessionHub}. */
export interface SessionHubOptions<TLifespan = unknown> {
  /** The value a lifespan hook started; handlers read it with `lifespanOf(ctx)`. */
  readonly lifespan?: TLifespan;
  /** Called when a client sends `notifications/roots/list_changed`. */
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
}

/**
 * Owns the live sessions of one served server. Transports create sessions
 * through it; app code uses it to push resource updates to subscribers.
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
  const live = new Map<Session, OpenedSession>();
  const sessions = new Set<Session>();
  const shared = { lifespan: options.lifespan, onRootsChanged: options.onRootsChanged };

  const hub: SessionHub<TLifespan> = {
    server,
    lifespan: options.lifespan as TLifespan,
    sessions,
    createSession: (sessionOptions = {}) => {
      const opened = openSession(server, hub, shared, {
        ...sessionOptions,
        onClose: () => {
          live.delete(opened.session);
          sessions.delete(opened.session);
          sessionOptions.onClose?.();
        },
      });
      live.set(opened.session, opened);
      sessions.add(opened.session);
      return opened.session;
    },
    resourceUpdated: (uri) => {
      for (const opened of live.values()) opened.resourceUpdated(uri);
    },
    closeAll: () => {
      for (const session of [...sessions]) session.close();
    },
  };
  return Object.freeze(hub);
};
