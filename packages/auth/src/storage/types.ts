/** A JSON value, as a store keeps it (a Redis driver serializes it to a string). */
export type StoredValue =
  | null
  | boolean
  | number
  | string
  | readonly StoredValue[]
  | { readonly [key: string]: StoredValue };

/** Options of {@link KeyValueStore.set}. */
export interface SetOptions {
  /** Lifetime in milliseconds; the entry is gone afterwards. Default: no expiry. */
  readonly ttlMs?: number;
}

/**
 * The small key-value store the authorization server keeps its state in
 * (clients, pending sign-ins, codes, grants). Values are JSON; every entry
 * may carry a TTL. `memoryStore()` is the default; a Redis driver implements
 * the same five methods so a sign-in started on one instance finishes on
 * another (GET, SET with PX, DEL and GETDEL are all it needs).
 * `testStoreContract` checks a driver against this contract.
 */
export interface KeyValueStore {
  /** The value under `key`, or undefined when absent or expired. */
  readonly get: <T = StoredValue>(key: string) => Promise<T | undefined>;
  /** Stores `value` (JSON-serializable, see {@link StoredValue}) under `key`, replacing any previous value and its TTL. */
  readonly set: (key: string, value: unknown, options?: SetOptions) => Promise<void>;
  /** Removes `key`; absent keys are fine. */
  readonly delete: (key: string) => Promise<void>;
  /**
   * Reads and removes `key` in one atomic step: of concurrent callers, only
   * one gets the value (the others get undefined). Authorization codes and
   * sign-in states rely on it being used once.
   */
  readonly take: <T = StoredValue>(key: string) => Promise<T | undefined>;
  /** Releases resources (timers, connections). */
  readonly close?: () => Promise<void>;
}
