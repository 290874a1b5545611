import type { Context } from '../../context/context.js';
import { ErrorCode } from '../../errors/codes.js';
import { DefinitionError, ProtocolError } from '../../errors/errors.js';
import type { Store } from '../../store/store.js';
import type { Middleware } from '../middleware.js';
import { sharedWindow } from './shared-rate-limit.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests a client may burst (the bucket size). */
  readonly capacity: number;
  /** Tokens added per second (the sustained rate). */
  readonly refillPerSecond: number;
  /** Who a bucket belongs to; default: the session id (requests without a session share one bucket). */
  readonly key?: (ctx: Context) => string;
  /** Methods that are never limited; default `['ping', 'initialize']`. */
  readonly exempt?: readonly string[];
  /** At most this many buckets are kept; the least recently used go first. Default 10,000. */
  readonly maxBuckets?: number;
  /** The clock, in milliseconds; for tests. */
  readonly now?: () => number;
  /**
   * Count in this shared {@link Store} (a Redis store, say), so the limit
   * holds across every instance using it: a fixed window of
   * `capacity / refillPerSecond` seconds admits `capacity` requests per key
   * (the same sustained rate as the token bucket; up to twice `capacity`
   * across a window boundary). Absent: the in-memory token bucket of this
   * instance, and `maxBuckets` applies.
   */
  readonly store?: Store;
  /** Prefix of this limiter's keys in `store`; give each limiter sharing a store its own. Default `rate-limit`. */
  readonly storeName?: string;
  /**
   * What to do when `store` fails (Redis down): `'reject'` (default) fails the
   * request with the store's error (`StoreUnavailableError`, code
   * `STORE_UNAVAILABLE`: an HTTP transport answers 503), `'allow'` lets it
   * through unlimited while the store is down (fail open).
   */
  readonly onStoreError?: 'reject' | 'allow';
}

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * Token-bucket rate limiting per session (or per whatever `key` returns, such
 * as an authenticated user). A request over the limit is answered with a
 * JSON-RPC error (-32000) whose `data.retryAfterMs` says when to try again.
 * With `store`, the count is shared by every instance using that store (see
 * {@link RateLimitOptions.store}); the store is asked once per request.
 *
 * @example
 * rateLimit({ capacity: 20, refillPerSecond: 2, store: redisStore({ url }) });
 */
export const rateLimit = (options: RateLimitOptions): Middleware => {
  const { capacity, refillPerSecond } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) {
    throw new DefinitionError('rateLimit(): capacity must be at least 1 and refillPerSecond above 0');
  }
  const key = options.key ?? ((ctx: Context) => ctx.session.id ?? 'anonymous');
  const exempt = new Set(options.exempt ?? ['ping', 'initialize']);
  const maxBuckets = options.maxBuckets ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const buckets = new Map<string, Bucket>();

  const take = (id: string): number => {
    const at = now();
    const bucket = buckets.get(id) ?? { tokens: capacity, updated: at };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((at - bucket.updated) / 1000) * refillPerSecond);
    bucket.updated = at;
    // Re-insert so the map's order is least recently used first.
    buckets.delete(id);
    buckets.set(id, bucket);
    if (buckets.size > maxBuckets) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / refillPerSecond) * 1000);
  };

  const limited = (retryAfterMs: number) =>
    new ProtocolError(ErrorCode.RateLimited, `Rate limit exceeded: retry after ${retryAfterMs} ms`, {
      retryAfterMs,
    });

  const { store } = options;
  if (options.onStoreError !== undefined && !['reject', 'allow'].includes(options.onStoreError)) {
    throw new DefinitionError("rateLimit(): onStoreError must be 'reject' or 'allow'");
  }
  if (store) {
    const takeShared = sharedWindow({
      store,
      capacity,
      refillPerSecond,
      name: options.storeName ?? 'rate-limit',
      now,
    });
    const failOpen = options.onStoreError === 'allow';
    return async (request, ctx, next) => {
      if (exempt.has(request.method)) return next();
      let retryAfterMs: number;
      try {
        retryAfterMs = await takeShared(key(ctx));
      } catch (error) {
        if (failOpen) return next();
        throw error;
      }
      if (retryAfterMs > 0) throw limited(retryAfterMs);
      return next();
    };
  }

  return (request, ctx, next) => {
    if (exempt.has(request.method)) return next();
    const retryAfterMs = take(key(ctx));
    if (retryAfterMs > 0) throw limited(retryAfterMs);
    return next();
  };
};
