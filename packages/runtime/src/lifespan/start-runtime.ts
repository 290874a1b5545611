import { McpkitError, type Server } from '@mcpkit/core';
import { createSessionHub, type SessionHub } from '../session/hub.js';
import type { RootsChangedEvent } from '../session/session-core.js';
import type { Lifespan } from './lifespan.js';

/** Options every entry point (`serve`, `serveStdio`, `serveHttp`, `serveSse`) shares. */
export interface RuntimeOptions<T = unknown> {
  /** Starts shared resources once; see {@link Lifespan}. Ignored when `hub` is given. */
  readonly lifespan?: Lifespan<T>;
  /** Called when a client reports changed roots. Ignored when `hub` is given. */
  readonly onRootsChanged?: (event: RootsChangedEvent) => void | Promise<void>;
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
    if (options.hub.server !== server)
      throw new McpkitError('HUB_MISMATCH', 'The hub given to serve was created for a different server');
    return { hub: options.hub, stop: async () => {} };
  }
  let handle: Awaited<ReturnType<Lifespan<T>>> | undefined;
  try {
    handle = options.lifespan ? await options.lifespan() : undefined;
  } catch (error) {
    throw new McpkitError(
      'LIFESPAN_FAILED',
      `The lifespan hook failed to start: ${(error as Error)?.message ?? error}`,
      {
        cause: error,
      },
    );
  }
  const hub = createSessionHub(server, { lifespan: handle?.value, onRootsChanged: options.onRootsChanged });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      hub.closeAll();
      await handle?.close?.();
    })();
    return stopping;
  };
  return { hub, stop };
};
