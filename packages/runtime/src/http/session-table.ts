import type { Session } from '../session/types.js';
import type { Streams } from './streams.js';

/** A stateful HTTP session and the transport state that goes with it. */
export interface SessionEntry {
  readonly id: string;
  readonly session: Session;
  readonly streams: Streams;
  /** The id of the standalone (GET) stream, stable for the session's life. */
  readonly standaloneId: string;
  /** Requests being served right now; a busy session is never idle. */
  busy: number;
  /** The identity that opened it (see auth/identity.ts); undefined without auth. */
  readonly owner?: string;
}

/** The live sessions of one handler, with idle eviction and a size cap. */
export interface SessionTable {
  /** The entry for `id`, marking it used. */
  readonly get: (id: string) => SessionEntry | undefined;
  readonly add: (entry: SessionEntry) => void;
  /** Forgets an entry (its session is already closing). */
  readonly remove: (id: string) => void;
  readonly size: () => number;
  readonly full: () => boolean;
  /** Closes every session. */
  readonly closeAll: () => void;
}

type Timer = ReturnType<typeof setTimeout>;

/** Creates a session table; idle timers are unref'd so they never keep a process alive. */
export const createSessionTable = (ttlMs: number, maxSessions: number): SessionTable => {
  const entries = new Map<string, SessionEntry>();
  const timers = new Map<string, Timer>();

  const arm = (entry: SessionEntry) => {
    clearTimeout(timers.get(entry.id));
    if (!Number.isFinite(ttlMs)) return;
    const timer = setTimeout(() => {
      if (!entries.has(entry.id)) return;
      // An open stream or a running request means the client is still there.
      if (entry.busy > 0 || entry.streams.openCount() > 0) arm(entry);
      else entry.session.close();
    }, ttlMs);
    (timer as { unref?: () => void }).unref?.();
    timers.set(entry.id, timer);
  };

  return {
    get: (id) => {
      const entry = entries.get(id);
      if (entry) arm(entry);
      return entry;
    },
    add: (entry) => {
      entries.set(entry.id, entry);
      arm(entry);
    },
    remove: (id) => {
      clearTimeout(timers.get(id));
      timers.delete(id);
      entries.delete(id);
    },
    size: () => entries.size,
    full: () => entries.size >= maxSessions,
    closeAll: () => {
      for (const entry of [...entries.values()]) entry.session.close();
    },
  };
};
