import type { Store } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { applyStoredRecord, bindSession, encodeSession } from '../session/bind-session.js';
import { decodeRecord } from '../session/record-codec.js';
import type { SessionEntry } from './session-table.js';
import { storeCall } from './store-call.js';

/** Store keys and the channel of the shared sessions. */
const recordKey = (id: string) => `session:${id}`;
const endedKey = (id: string) => `session-ended:${id}`;
const OPEN_COUNT_KEY = 'sessions:open';
const CHANNEL = 'sessions';

/** What instances tell each other about the sessions they share. */
type ClusterMessage =
  | { readonly type: 'saved'; readonly from: string; readonly id: string; readonly record: string }
  | { readonly type: 'ended'; readonly from: string; readonly id: string }
  | { readonly type: 'response'; readonly from: string; readonly id: string; readonly message: JSONRPCMessage };

/** Makes the local copy of a session served from the store: see `SharedSessions.find`. */
export type AdoptSession = (id: string, owner: string | undefined) => SessionEntry;

/** Options of {@link createSharedSessions}. */
export interface SharedSessionsOptions {
  readonly store: Store;
  /** The session TTL: records expire this long after their last use. */
  readonly ttlMs: number;
  /** Most sessions across every instance sharing the store. */
  readonly maxSessions: number;
  /** Deadline of each store call. */
  readonly timeoutMs: number;
  /** The live local copy of a session, if this instance holds one. */
  readonly local: (id: string) => SessionEntry | undefined;
  readonly adopt: AdoptSession;
}

/**
 * The sessions of a Streamable HTTP endpoint as several instances share them
 * through a {@link Store}: each session's record lives under
 * `session:<id>` with the session TTL (drivers add their key prefix), every instance may keep a live
 * local copy, and the instances tell each other on the `sessions`
 * channel when a record is saved or ended and when a client's response
 * belongs to a request another instance waits on. Store calls that fail or
 * pass their deadline throw `StoreUnavailableError`.
 */
export interface SharedSessions {
  /** Subscribes to the cluster channel once (the first request does); resolves once live. */
  readonly start: () => Promise<void>;
  /** Takes one slot of the cluster-wide session cap; false when every slot is taken. */
  readonly admit: () => Promise<boolean>;
  /** Gives back a slot taken by `admit` for a session that never opened. */
  readonly release: () => Promise<void>;
  /** Writes a freshly initialized session's record and binds it to the store. */
  readonly opened: (entry: SessionEntry) => Promise<void>;
  /** Binds a session to the store (before it is initialized, so its requests to the client get cluster-unique ids). */
  readonly bind: (entry: SessionEntry) => void;
  /**
   * The session `id` made current: the local copy refreshed from the store,
   * or a new local copy of a record another instance wrote; undefined when
   * the store holds no such session (it ended, expired or never existed).
   */
  readonly find: (id: string) => Promise<SessionEntry | undefined>;
  /** After a request: saves the record when the request changed it, else refreshes its TTL when due. */
  readonly settle: (entry: SessionEntry) => Promise<void>;
  /** Ends a session on every instance (DELETE): removes the record and frees its slot. */
  readonly end: (entry: SessionEntry) => Promise<void>;
  /** An idle local copy was evicted: frees the slot when the record is gone from the store too. */
  readonly evicted: (entry: SessionEntry) => void;
  /** A local copy kept alive by an open stream: refreshes the record's TTL. */
  readonly kept: (entry: SessionEntry) => void;
  /** Stops hearing the cluster channel. */
  readonly close: () => Promise<void>;
}

/** Creates the shared sessions of one endpoint; see {@link SharedSessions}. */
export const createSharedSessions = (options: SharedSessionsOptions): SharedSessions => {
  const { store, ttlMs, timeoutMs } = options;
  const instance = crypto.randomUUID().slice(0, 8);
  // A record's TTL is refreshed at most this often by requests that change nothing.
  const touchEveryMs = Math.max(1, Math.floor(ttlMs / 10));
  const adopting = new Map<string, Promise<SessionEntry | undefined>>();
  let unsubscribe: (() => Promise<void>) | undefined;
  const call = <T>(operation: () => Promise<T>) => storeCall(operation, timeoutMs);
  const announce = (message: ClusterMessage) => call(() => store.publish(CHANNEL, JSON.stringify(message)));

  /** Applies a record text to a local copy (when it differs from what the copy holds). */
  const apply = (entry: SessionEntry, text: string): boolean => {
    if (entry.stored?.text === text) return true;
    const stored = decodeRecord(text);
    if (!stored) return false;
    applyStoredRecord(entry.session, stored);
    entry.stored = { text, touchedAt: entry.stored?.touchedAt ?? Date.now() };
    return true;
  };

  const save = async (entry: SessionEntry): Promise<void> => {
    const text = encodeSession(entry.session, entry.owner);
    if (text === undefined) return;
    if (entry.stored?.text === text) {
      if (Date.now() - entry.stored.touchedAt < touchEveryMs) return;
      entry.stored.touchedAt = Date.now();
      await call(() => store.touch(recordKey(entry.id), ttlMs));
      return;
    }
    // A session saved for the first time (just initialized) has no copy elsewhere to tell.
    const known = entry.stored !== undefined;
    entry.stored = { text, touchedAt: Date.now() };
    await call(() => store.set(recordKey(entry.id), text, { ttlMs }));
    if (known) await announce({ type: 'saved', from: instance, id: entry.id, record: text });
  };

  const refresh = async (entry: SessionEntry): Promise<boolean> => {
    const text = await call(() => store.get(recordKey(entry.id)));
    return text !== undefined && apply(entry, text);
  };

  /** Frees the slot of a session that ended, once across every instance (the first to claim it). */
  const freeSlot = async (id: string) => {
    // Kept past the latest sweep of any copy (a sweep closes a copy within 1.5 TTL of its last use).
    if (await call(() => store.set(endedKey(id), '1', { ttlMs: 2 * ttlMs, ifAbsent: true }))) {
      await call(() => store.increment(OPEN_COUNT_KEY, -1));
    }
  };

  const relay = (entry: SessionEntry) => (message: JSONRPCMessage) => {
    announce({ type: 'response', from: instance, id: entry.id, message }).catch((error) =>
      console.error('mcpkit: relaying a client response to the other instances failed:', error),
    );
  };

  const bind = (entry: SessionEntry) => {
    bindSession(entry.session, {
      backing: {
        refresh: async () => {
          await refresh(entry);
        },
        save: () => save(entry),
      },
      outboxPrefix: `${instance}-`,
      onStrayResponse: relay(entry),
    });
  };

  const hear = (text: string) => {
    let message: ClusterMessage;
    try {
      message = JSON.parse(text) as ClusterMessage;
    } catch {
      return;
    }
    if (message.from === instance || typeof message.id !== 'string') return;
    const entry = options.local(message.id);
    if (!entry) return;
    if (message.type === 'ended') entry.session.close();
    else if (message.type === 'saved' && typeof message.record === 'string') {
      if (!apply(entry, message.record)) entry.session.close();
    } else if (message.type === 'response') {
      void entry.session.receive(message.message, undefined, { relayed: true });
    }
  };

  const adopt = async (id: string): Promise<SessionEntry | undefined> => {
    const text = await call(() => store.get(recordKey(id)));
    const stored = text === undefined ? undefined : decodeRecord(text);
    if (!stored || text === undefined) return undefined;
    // Another request may have made the copy meanwhile.
    const existing = options.local(id);
    if (existing) return apply(existing, text) ? existing : undefined;
    const entry = options.adopt(id, stored.owner);
    bind(entry);
    try {
      applyStoredRecord(entry.session, stored);
    } catch (error) {
      entry.session.close();
      throw error;
    }
    entry.stored = { text, touchedAt: 0 };
    return entry;
  };

  let starting: Promise<void> | undefined;
  const start = () => {
    starting ??= call(() => store.subscribe(CHANNEL, hear)).then(
      (stop) => {
        unsubscribe = stop;
      },
      (error) => {
        // Tried again by the next request.
        starting = undefined;
        throw error;
      },
    );
    return starting;
  };

  return {
    start,
    admit: async () => {
      await start();
      const open = await call(() => store.increment(OPEN_COUNT_KEY));
      if (open <= options.maxSessions) return true;
      await call(() => store.increment(OPEN_COUNT_KEY, -1));
      return false;
    },
    release: async () => {
      await call(() => store.increment(OPEN_COUNT_KEY, -1));
    },
    bind,
    opened: (entry) => save(entry),
    find: async (id) => {
      await start();
      const entry = options.local(id);
      if (entry) {
        if (await refresh(entry)) return entry;
        // Gone from the store: it ended on another instance (or expired) and the news missed us.
        entry.session.close();
        return undefined;
      }
      let pending = adopting.get(id);
      if (!pending) {
        pending = adopt(id).finally(() => adopting.delete(id));
        adopting.set(id, pending);
      }
      return pending;
    },
    settle: (entry) => save(entry),
    end: async (entry) => {
      const existed = await call(() => store.delete(recordKey(entry.id)));
      if (existed) await freeSlot(entry.id);
      await announce({ type: 'ended', from: instance, id: entry.id });
    },
    evicted: (entry) => {
      call(() => store.get(recordKey(entry.id)))
        .then((text) => (text === undefined ? freeSlot(entry.id) : undefined))
        .catch(() => {
          // The store is down: the next instance to evict a copy of it frees the slot.
        });
    },
    kept: (entry) => {
      call(() => store.touch(recordKey(entry.id), ttlMs)).catch(() => {
        // Retried on the next sweep.
      });
    },
    close: async () => {
      await starting?.catch(() => {});
      const stop = unsubscribe;
      unsubscribe = undefined;
      await stop?.();
    },
  };
};
