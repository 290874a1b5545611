import { type Lifespan, type LifespanHandle, lifespansOf, McpkitError, type Server } from '@mcpkit/core';
import type { EventBus } from '../events/event-bus.js';
import { assertHubFor } from '../session/assert-hub.js';
import { createSessionHub, type SessionHub } from '../session/hub.js';
import type { RootsChangedEvent } from '../session/session-core.js';
import { limitOptionsOf, type SessionLimitOptions } from '../session/session-limits.js';

/** Options every entry point (`serve`, `serveStdio`, `serveHttp`, `serveSse`) shares. */
export interface RuntimeOptions<T = unknown> extends SessionLimitOptions {
  /** Starts shared resources once, besides the server's own `lifespan` option; see `Lifespan`. Ignored when `hub` is given. */
  readonly lifespan?: Lifespan<T>;
  /** Called when a client reports changed roots. Ignored when `hub` is given. */
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
  /** The event bus list changes and resource updates travel on (in-memory by default); see `SessionHubOptions`. Ignored when `hub` is given. */
  readonly eventBus?: EventBus;
  /** Cap on open `subscriptions/listen` streams (default 1000). Ignored when `hub` is given. */
  readonly maxListenStreams?: number;
  /** Serve through an existing hub (its owner runs the lifespan and closes it). */
  readonly hub?: SessionHub;
}

/** A started runtime: the hub sessions register with, and its shutdown. */
export interface Runtime {
  readonly hub: SessionHub;
  /** Closes every session, then stops the lifespan. Idempotent. */
  readonly stop: () => Promise<void>;
}

/**
 * Runs the lifespan hook (once) and creates the hub. When the caller passes a
 * hub, it owns both and `stop` only leaves them alone.
 */
export const startRuntime = async <T>(server: Server, options: RuntimeOptions<T> = {}): Promise<Runtime> => {
  if (options.hub) {
    assertHubFor(options.hub, server, 'The hub given to serve');
    return { hub: options.hub, stop: async () => {} };
  }
  // The server's own hook and those of servers mounted in it, each once, children first; then serve()'s.
  const hooks = [...lifespansOf(server)];
  if (options.lifespan && !hooks.includes(options.lifespan as Lifespan)) hooks.push(options.lifespan as Lifespan);
  const started = new Map<Lifespan, LifespanHandle<unknown>>();
  const closeStarted = async () => {
    for (const handle of [...started.values()].reverse()) await handle.close?.();
  };
  try {
    for (const hook of hooks) started.set(hook, await hook());
  } catch (error) {
    await closeStarted().catch(() => {});
    throw new McpkitError(
      'LIFESPAN_FAILED',
      `The lifespan hook failed to start: ${(error as Error)?.message ?? error}`,
      {
        cause: error,
      },
    );
  }
  const primary = (options.lifespan as Lifespan | undefined) ?? server.options.lifespan;
  const hub = createSessionHub(server, {
    lifespan: primary ? started.get(primary)?.value : undefined,
    lifespans: new Map([...started].map(([hook, handle]) => [hook, handle.value])),
    onRootsChanged: options.onRootsChanged,
    eventBus: options.eventBus,
    maxListenStreams: options.maxListenStreams,
    ...limitOptionsOf(options),
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      hub.closeAll();
      await closeStarted();
    })();
    return stopping;
  };
  return { hub, stop };
};
