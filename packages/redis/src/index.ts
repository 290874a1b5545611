/**
 * @mcpkit/redis: Redis drivers for mcpkit, so several server instances behind
 * a load balancer share their state: the `Store` (values with TTL, counters,
 * pub/sub), the SSE `EventStore` and the `EventBus`.
 * @packageDocumentation
 */

export {
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_KEY_PREFIX,
  DEFAULT_MAX_RECONNECT_DELAY_MS,
  type RedisConnectionOptions,
} from './connection-options.js';
export { type RedisEventBusOptions, redisEventBus } from './redis-event-bus.js';
export {
  DEFAULT_MAX_EVENT_BYTES,
  DEFAULT_MAX_EVENTS_PER_STREAM,
  DEFAULT_STREAM_TTL_MS,
  type RedisEventStore,
  type RedisEventStoreOptions,
  redisEventStore,
} from './redis-event-store.js';
export { type RedisStoreOptions, redisStore } from './redis-store.js';
