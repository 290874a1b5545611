import type { SseConnection } from '../http/sse-stream.js';

/** Ends a connection after a fixed lifetime; `clear` when it ended on its own. */
export interface StreamLifetime {
  /** Starts counting for `conn`. */
  readonly start: (conn: SseConnection) => void;
  /** Stops counting (the connection is gone). */
  readonly clear: () => void;
}

/**
 * A lifetime of `ms` for one SSE connection (none for a non-finite `ms`). An
 * open GET stream keeps its session from idle eviction, so without this a
 * client that opens sessions and their GET streams and then just holds the
 * sockets keeps those slots forever. Ending the connection is allowed by the
 * spec at any time: clients reconnect (with `Last-Event-ID` when the server
 * keeps events), and a reconnect counts as use of the session, while a client
 * that does not come back lets it go idle.
 */
export const streamLifetime = (ms: number): StreamLifetime => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    start: (conn) => {
      if (!Number.isFinite(ms) || !conn.isOpen()) return;
      timer = setTimeout(conn.close, ms);
      (timer as { unref?: () => void }).unref?.();
    },
    clear: () => clearTimeout(timer),
  };
};
