import type { ContextInput } from '@mcpkit/core';
import type { RemoteConnection } from './connection.js';

/** Where connections of calls that belong to no session (direct calls, stdio, stateless HTTP) live. */
const SHARED = Symbol('shared');

interface Slot {
  readonly ready: Promise<RemoteConnection>;
  connection?: RemoteConnection;
}

/** The `ctx.session.onClose` hook the runtime's sessions offer. */
type OnClose = (cleanup: () => void) => () => void;

/**
 * Remote connections by our session: each of our sessions with an id gets its
 * own (opened on first use, closed when that session closes, through
 * `ctx.session.onClose`); calls with no session id share one. A connection
 * that closed is replaced on the next use.
 */
export const createPool = (open: (ctx: ContextInput | undefined) => Promise<RemoteConnection>) => {
  const slots = new Map<string | typeof SHARED, Slot>();
  const watched = new Map<string, () => void>();
  let stopped = false;

  const drop = (key: string | typeof SHARED) => {
    const slot = slots.get(key);
    slots.delete(key);
    void slot?.ready.then((connection) => connection.close()).catch(() => {});
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

  return {
    /** The connection for `ctx`'s session, opened (or reopened) as needed. */
    get: (ctx: ContextInput | undefined): Promise<RemoteConnection> => {
      if (stopped) return Promise.reject(new Error('the proxy was closed'));
      const key = ctx?.session?.id ?? SHARED;
      const slot = slots.get(key);
      if (slot && !slot.connection?.closed()) return slot.ready;
      const fresh: Slot = {
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
      if (key !== SHARED) watch(key, ctx);
      return fresh.ready;
    },
    /** Gives up a connection that failed, so the next use reconnects. */
    discard: (connection: RemoteConnection) => {
      for (const [key, slot] of slots) if (slot.connection === connection) slots.delete(key);
      void connection.close();
    },
    /** How many connections are open or opening. */
    size: () => slots.size,
    /** Closes every connection; later uses fail. */
    close: async () => {
      stopped = true;
      for (const stop of watched.values()) stop();
      watched.clear();
      const pending = [...slots.values()];
      slots.clear();
      await Promise.all(pending.map((slot) => slot.ready.then((c) => c.close()).catch(() => {})));
    },
  };
};
