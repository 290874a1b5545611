import type { Session } from '../session/types.js';
import type { Streams } from './streams.js';

/** A stateful HTTP session and the transport state that goes with it. */
export interface SessionEntry {
  readonly id: string;
  readonly session: Session;
  /** The session's SSE streams, made on first use (JSON-mode sessions that never stream have none). */
  readonly streams: () => Streams;
  /** Whether a client is connected to any of its streams. */
  readonly streaming: () => boolean;
  /** Requests being served right now; a busy session is never idle. */
  busy: number;
  /** When it was last used (ms since the epoch). */
  usedAt: number;
  /** The identity that opened it (see auth/identity.ts); undefined without auth. */
  readonly owner?: string;
  /** With a shared session store: the record text this copy last wrote or read, and when its TTL was last refreshed. */
  stored?: { text: string; touchedAt: number };
}

/** Told when the table's sweep acts on an entry (a shared session store refreshes or frees its record). */
export interface SessionTableHooks {
  /** An idle entry was closed. */
  readonly evicted?: (entry: SessionEntry) => void;
  /** An entry is in use (a stream is open or a request runs) at a sweep, which runs every half TTL at most. */
  readonly kept?: (entry: SessionEntry) => void;
}

/** The live sessions of one handler, with idle eviction and a size cap. */
export interface SessionTable {
  /** The entry for `id`, marking it used. */
  readonly get: (id: string) => SessionEntry | undefined;
  /** The entry for `id`, without marking it used. */
  readonly peek: (id: string) => SessionEntry | undefined;
  readonly add: (entry: SessionEntry) => void;
  /** Forgets an entry (its session is already closing). */
  readonly remove: (id: string) => void;
  readonly size: () => number;
  readonly full: () => boolean;
  /** Whether `owner` (an identity; undefined without auth) already holds its share of sessions. */
  readonly fullFor: (owner: string | undefined) => boolean;
  /** Closes every session. */
  readonly closeAll: () => void;
}

/**
 * Creates a session table. Idle sessions are found by one sweep timer per
 * table rather than one timer per session: a request only stamps `usedAt`, and
 * a session idle for `ttlMs` closes within half a TTL more. The timer is
 * unref'd and runs only while there are sessions.
 */
export const createSessionTable = (
  ttlMs: number,
  maxSessions: number,
  maxPerOwner = Number.POSITIVE_INFINITY,
  hooks: SessionTableHooks = {},
): SessionTable => {
  const entries = new Map<string, SessionEntry>();
  // Sessions per identity, so one authenticated client cannot take every slot.
  const owned = new Map<string, number>();
  const own = (owner: string | undefined, delta: number) => {
    if (owner === undefined) return;
    const count = (owned.get(owner) ?? 0) + delta;
    if (count > 0) owned.set(owner, count);
    else owned.delete(owner);
  };
  let sweeper: ReturnType<typeof setInterval> | undefined;

  const sweep = () => {
    const now = Date.now();
    for (const entry of [...entries.values()]) {
      // A shared record must outlive its local use: refreshed on every sweep while a stream or request holds it.
      if (hooks.kept && (entry.busy > 0 || entry.streaming())) hooks.kept(entry);
      if (now - entry.usedAt < ttlMs) continue;
      // An open stream or a running request means the client is still there.
      if (entry.busy > 0 || entry.streaming()) {
        entry.usedAt = now;
      } else {
        entry.session.close();
        hooks.evicted?.(entry);
      }
    }
  };
  const stopIfEmpty = () => {
    if (entries.size > 0 || sweeper === undefined) return;
    clearInterval(sweeper);
    sweeper = undefined;
  };

  return {
    get: (id) => {
      const entry = entries.get(id);
      if (entry) entry.usedAt = Date.now();
      return entry;
    },
    peek: (id) => entries.get(id),
    add: (entry) => {
      entries.set(entry.id, entry);
      own(entry.owner, 1);
      if (sweeper === undefined && Number.isFinite(ttlMs)) {
        sweeper = setInterval(sweep, Math.max(1, Math.min(ttlMs / 2, 60_000)));
        (sweeper as { unref?: () => void }).unref?.();
      }
    },
    remove: (id) => {
      const entry = entries.get(id);
      if (entry && entries.delete(id)) own(entry.owner, -1);
      stopIfEmpty();
    },
    size: () => entries.size,
    full: () => entries.size >= maxSessions,
    fullFor: (owner) => owner !== undefined && (owned.get(owner) ?? 0) >= maxPerOwner,
    closeAll: () => {
      for (const entry of [...entries.values()]) entry.session.close();
    },
  };
};
