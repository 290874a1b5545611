import { createStoreEventBus, type EventBus, type StoreEventBusOptions } from '@mcpkit/runtime';
import type { RedisConnectionOptions } from './connection-options.js';
import { redisStore } from './redis-store.js';

/** Options of {@link redisEventBus}. */
export interface RedisEventBusOptions extends RedisConnectionOptions, Pick<StoreEventBusOptions, 'onListenerError'> {
  /** The channel (under `keyPrefix`) events travel on. Default `events`. */
  readonly channel?: string;
}

/**
 * The runtime's {@link EventBus} over Redis pub/sub: a list change or
 * `resourceUpdated(uri)` published on any instance reaches the matching
 * subscribers of every instance pointing at the same Redis and `keyPrefix`.
 * It owns two connections (publish, subscribe) and releases them on
 * `close()`. Delivery is Redis pub/sub's: in publish order per instance, at
 * most once: an instance disconnected from Redis misses what was published
 * meanwhile. While Redis is down `publish` and `subscribe` reject with
 * `StoreUnavailableError`; the bus resubscribes by itself when Redis returns.
 */
export const redisEventBus = (options: RedisEventBusOptions = {}): EventBus =>
  createStoreEventBus(redisStore(options), {
    channel: options.channel ?? 'events',
    closeStore: true,
    onListenerError: options.onListenerError,
  });
