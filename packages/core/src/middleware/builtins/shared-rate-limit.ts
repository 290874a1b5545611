import type { Store } from '../../store/store.js';

/** What {@link sharedWindow} needs from the rateLimit options. */
export interface SharedWindowOptions {
  readonly store: Store;
  readonly capacity: number;
  readonly refillPerSecond: number;
  /** Store keys start with this (under the store's own prefix). */
  readonly name: string;
  readonly now: () => number;
}

/**
 * The rate limit shared by every instance on one {@link Store}: a fixed
 * window counter. A window lasts as long as the bucket takes to refill
 * (`capacity / refillPerSecond` seconds) and admits `capacity` requests, so
 * the sustained rate is the same as the in-memory token bucket's; a client
 * may burst up to twice `capacity` across a window boundary. One atomic
 * `increment` per request, on a key that expires with its window. Answers
 * how long to wait, 0 when admitted; rejects when the store does.
 */
export const sharedWindow = (options: SharedWindowOptions) => {
  const { store, capacity, refillPerSecond, name, now } = options;
  const windowMs = Math.max(1, Math.ceil((capacity / refillPerSecond) * 1000));
  const limit = Math.floor(capacity);
  return async (id: string): Promise<number> => {
    const at = now();
    const window = Math.floor(at / windowMs);
    // The key outlives its window a little, so a clock slightly behind another instance's still finds it.
    const count = await store.increment(`${name}:${window}:${id}`, 1, { ttlMs: windowMs * 2 });
    return count <= limit ? 0 : (window + 1) * windowMs - at;
  };
};
