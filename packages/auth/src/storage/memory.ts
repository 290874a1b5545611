import type { KeyValueStore, SetOptions } from './types.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Most entries kept; past it the oldest are dropped, so a flood of registrations cannot exhaust memory. Default 100 000. */
  readonly maxEntries?: number;
  /** The clock, in milliseconds (tests move it). Default `Date.now`. */
  readonly now?: () => number;
}

/** Default `maxEntries` of {@link memoryStore}. */
export const DEFAULT_MEMORY_MAX_ENTRIES = 100_000;

interface Entry {
  readonly json: string;
  readonly expiresAt: number;
}

/**
 * A {@link KeyValueStore} in this process's memory: the default, fine for one
 * instance (state is lost on restart). Values are kept as JSON text, so a
 * caller never shares an object with the store, as with Redis.
 *
 * @example
 * const store = memoryStore({ maxEntries: 10_000 });
 */
export const memoryStore = (options: MemoryStoreOptions = {}): KeyValueStore => {
  const maxEntries = options.maxEntries ?? DEFAULT_MEMORY_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new TypeError('memoryStore(): maxEntries must be a positive integer');
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const parse = <T>(entry: Entry | undefined): T | undefined =>
    entry === undefined ? undefined : (JSON.parse(entry.json) as T);

  const store: KeyValueStore = {
    get: async <T>(key: string) => parse<T>(live(key)),
    set: async (key: string, value: unknown, setOptions?: SetOptions) => {
      const ttl = setOptions?.ttlMs;
      if (ttl !== undefined && !(ttl > 0)) throw new TypeError('set(): ttlMs must be positive');
      entries.delete(key);
      entries.set(key, {
        json: JSON.stringify(value),
        expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : now() + ttl,
      });
      // Map order is insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
    take: async <T>(key: string) => {
      const entry = live(key);
      entries.delete(key);
      return parse<T>(entry);
    },
    close: async () => {
      entries.clear();
    },
  };
  return Object.freeze(store);
};
