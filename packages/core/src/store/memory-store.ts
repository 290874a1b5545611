import type { Store, StoreIncrementOptions, StoreSetOptions, StoreUnsubscribe } from './store.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** The clock, in milliseconds; for tests. */
  readonly now?: () => number;
}

interface Entry {
  value: string;
  /** When it expires, in `now()` milliseconds; undefined = never. */
  expires: number | undefined;
}

/**
 * The in-process {@link Store}: the default, for a single instance. Expired
 * entries are dropped when next read or written; pub/sub delivers to this
 * process's subscribers asynchronously (a microtask later), as a remote
 * driver would.
 */
export const createMemoryStore = (options: MemoryStoreOptions = {}): Store => {
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  const channels = new Map<string, Set<(message: string) => void>>();
  let closed = false;

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expires !== undefined && entry.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const expiry = (ttlMs: number | undefined) => (ttlMs === undefined ? undefined : now() + ttlMs);

  return Object.freeze({
    get: async (key: string) => live(key)?.value,
    set: async (key: string, value: string, set: StoreSetOptions = {}) => {
      if (set.ifAbsent && live(key)) return false;
      entries.set(key, { value, expires: expiry(set.ttlMs) });
      return true;
    },
    delete: async (key: string) => live(key) !== undefined && entries.delete(key),
    touch: async (key: string, ttlMs: number) => {
      const entry = live(key);
      if (!entry) return false;
      entry.expires = expiry(ttlMs);
      return true;
    },
    increment: async (key: string, by = 1, increment: StoreIncrementOptions = {}) => {
      const entry = live(key);
      const next = (entry ? Number.parseInt(entry.value, 10) || 0 : 0) + by;
      if (entry) entry.value = String(next);
      else entries.set(key, { value: String(next), expires: expiry(increment.ttlMs) });
      return next;
    },
    publish: async (channel: string, message: string) => {
      if (closed) return;
      for (const listener of [...(channels.get(channel) ?? [])]) {
        queueMicrotask(() => {
          try {
            listener(message);
          } catch {
            // One listener's failure must not stop the others.
          }
        });
      }
    },
    subscribe: async (channel: string, listener: (message: string) => void): Promise<StoreUnsubscribe> => {
      const listeners = channels.get(channel) ?? new Set<(message: string) => void>();
      channels.set(channel, listeners);
      // Wrapped, so the same function subscribed twice is two subscriptions.
      const entry = (message: string) => listener(message);
      listeners.add(entry);
      return async () => {
        listeners.delete(entry);
        if (listeners.size === 0 && channels.get(channel) === listeners) channels.delete(channel);
      };
    },
    close: async () => {
      closed = true;
      channels.clear();
    },
  });
};
