import type { ContextInput } from '@mcpkit/core';
import type { RemoteConnection } from './connection.js';

/** Where connections of calls that belong to no session (direct calls, stdio, stateless HTTP), or of every call in shared mode, live. */
const SHARED = Symbol('shared');

interface Slot {
  readonly ready: Promise<RemoteConnection>;
  connection?: RemoteConnection;
  /** Calls using it right now; a busy connection is never idle. */
  busy: number;
  usedAt: number;
}

/** The `ctx.session.onClose` hook the runtime's sessions offer. */
type OnClose = (cleanup: () => void) => () => void;

/** How a pool shares and bounds its connections. */
export interface PoolLimits {
  /** One connection for every session of ours instead of one each. Default false. */
  readonly shared?: boolean;
  /** Most per-session connections open at once; beyond, a new session's call fails. Default unlimited. */
  readonly maxConnections?: number;
  /** A connection unused for this long is closed (reopened on next use). Default never. */
  readonly idleMs?: number;
}

/** A pool's refusal to open one more per-session connection. */
export class PoolFullError extends Error {
  constructor(max: number) {
    super(`it already serves ${max} sessions (maxConnections); try again later`);
    this.name = 'PoolFullError';
  }
}

/**
 * Remote connections by our session: each of our sessions with an id gets its
 * own (opened on first use, closed when that session closes, through
 * `ctx.session.onClose`); calls with no session id, and every call when
 * `shared`, share one. A connection that closed is replaced on the next use.
 * `maxConnections` bounds the per-session ones (each may be a child process)
 * and `idleMs` closes those nobody used for a while, checked by one unref'd
 * sweep timer that runs only while there are connections.
 */
export const createPool = (
  open: (ctx: ContextInput | undefined) => Promise<RemoteConnection>,
  limits: PoolLimits = {},
) => {
  const slots = new Map<string | typeof SHARED, Slot>();
  const watched = new Map<string, () => void>();
  const max = limits.maxConnections ?? Number.POSITIVE_INFINITY;
  const idleMs = limits.idleMs ?? Number.POSITIVE_INFINITY;
  let stopped = false;
  let sweeper: ReturnType<typeof setInterval> | undefined;

  const drop = (key: string | typeof SHARED) => {
    const slot = slots.get(key);
    slots.delete(key);
    if (slots.size === 0) stopSweeping();
    void slot?.ready.then((connection) => connection.close()).catch(() => {});
  };
  const sweep = () => {
    const now = Date.now();
    for (const [key, slot] of [...slots]) if (slot.busy === 0 && now - slot.usedAt >= idleMs) drop(key);
  };
  const stopSweeping = () => {
    clearInterval(sweeper);
    sweeper = undefined;
  };
  const startSweeping = () => {
    if (sweeper !== undefined || !Number.isFinite(idleMs)) return;
    sweeper = setInterval(sweep, Math.max(10, Math.min(idleMs / 2, 60_000)));
    (sweeper as { unref?: () => void }).unref?.();
  };

  const watch = (key: string, ctx: ContextInput | undefined) => {
    const onClose = (ctx?.session as { onClose?: OnClose } | undefined)?.onClose;
    if (watched.has(key) || typeof onClose !== 'function') return;
    watched.set(
      key,
      onClose(() => {
        watched.delete(key);
        drop(key);
      }),
    );
  };
  const perSession = () => {
    let count = 0;
    for (const key of slots.keys()) if (key !== SHARED) count++;
    return count;
  };
  const slotOf = (connection: RemoteConnection) => {
    for (const slot of slots.values()) if (slot.connection === connection) return slot;
    return undefined;
  };

  return {
    /** The connection for `ctx`'s session, opened (or reopened) as needed; pair with `release`. */
    get: (ctx: ContextInput | undefined): Promise<RemoteConnection> => {
      if (stopped) return Promise.reject(new Error('the proxy was closed'));
      const key = limits.shared ? SHARED : (ctx?.session?.id ?? SHARED);
      const slot = slots.get(key);
      if (slot && !slot.connection?.closed()) {
        slot.busy++;
        slot.usedAt = Date.now();
        return slot.ready;
      }
      if (key !== SHARED && !slot && perSession() >= max) return Promise.reject(new PoolFullError(max));
      const fresh: Slot = {
        busy: 1,
        usedAt: Date.now(),
        ready: open(ctx).then(
          (connection) => {
            fresh.connection = connection;
            return connection;
          },
          (error) => {
            // Not kept: the next use tries again.
            if (slots.get(key) === fresh) slots.delete(key);
            throw error;
          },
        ),
      };
      slots.set(key, fresh);
      startSweeping();
      if (key !== SHARED) watch(key, ctx);
      return fresh.ready;
    },
    /** Ends one use of `connection` begun by `get`. */
    release: (connection: RemoteConnection) => {
      const slot = slotOf(connection);
      if (!slot) return;
      slot.busy = Math.max(0, slot.busy - 1);
      slot.usedAt = Date.now();
    },
    /** Gives up a connection that failed, so the next use reconnects. */
    discard: (connection: RemoteConnection) => {
      for (const [key, slot] of slots) if (slot.connection === connection) slots.delete(key);
      if (slots.size === 0) stopSweeping();
      void connection.close();
    },
    /** How many connections are open or opening. */
    size: () => slots.size,
    /** Closes every connection; later uses fail. */
    close: async () => {
      stopped = true;
      stopSweeping();
      for (const stop of watched.values()) stop();
      watched.clear();
      const pending = [...slots.values()];
      slots.clear();
      await Promise.all(pending.map((slot) => slot.ready.then((c) => c.close()).catch(() => {})));
    },
  };
};
