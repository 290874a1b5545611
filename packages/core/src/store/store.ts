/** Options of {@link Store.set}. */
export interface StoreSetOptions {
  /** The entry expires this many milliseconds after the write; absent = never. */
  readonly ttlMs?: number;
  /** Write only when the key is absent (Redis `SET NX`); `set` then answers whether it wrote. */
  readonly ifAbsent?: boolean;
}

/** Options of {@link Store.increment}. */
export interface StoreIncrementOptions {
  /** When the increment creates the key, it expires this many milliseconds later. */
  readonly ttlMs?: number;
}

/** Stops a {@link Store.subscribe} subscription; calling it again does nothing. */
export type StoreUnsubscribe = () => Promise<void>;

/**
 * The shared state several server instances agree on: string values with a
 * time to live, atomic counters and pub/sub channels. Every method is async so
 * a driver can live in another process (Redis); the memory driver is the
 * default and serves one instance. Values are strings: callers serialise.
 * Drivers prove themselves with `storeContract` (`@mcpkit/core/testing`) and
 * signal an unreachable backend with {@link StoreUnavailableError}.
 */
export interface Store {
  /** The value of `key`, or undefined when absent or expired. */
  readonly get: (key: string) => Promise<string | undefined>;
  /** Writes `key`; answers false only when `ifAbsent` was asked and the key existed. */
  readonly set: (key: string, value: string, options?: StoreSetOptions) => Promise<boolean>;
  /** Removes `key`; answers whether it existed. */
  readonly delete: (key: string) => Promise<boolean>;
  /** Sets a live key's time to live afresh; answers false when the key is absent. */
  readonly touch: (key: string, ttlMs: number) => Promise<boolean>;
  /** Adds `by` (default 1) to the integer at `key` (absent = 0) atomically and answers the new value. */
  readonly increment: (key: string, by?: number, options?: StoreIncrementOptions) => Promise<number>;
  /** Sends `message` to every subscriber of `channel` on every instance sharing the store. */
  readonly publish: (channel: string, message: string) => Promise<void>;
  /**
   * Hears `channel`. Resolves once the subscription is live: a message
   * published after that is delivered. A listener that throws does not stop
   * delivery to the others.
   */
  readonly subscribe: (channel: string, listener: (message: string) => void) => Promise<StoreUnsubscribe>;
  /** Ends every subscription and releases the driver's connections. */
  readonly close: () => Promise<void>;
}
