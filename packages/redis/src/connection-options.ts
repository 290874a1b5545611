import type { RedisOptions } from 'ioredis';

/** How the Redis drivers connect; shared by `redisStore`, `redisEventStore` and `redisEventBus`. */
export interface RedisConnectionOptions {
  /** Where Redis listens: a `redis://` or `rediss://` URL. Default `redis://127.0.0.1:6379`. */
  readonly url?: string;
  /**
   * More ioredis options (password, TLS, database...). The options that make
   * calls fail fast while Redis is down (`enableOfflineQueue`,
   * `maxRetriesPerRequest`, `autoResendUnfulfilledCommands`, `commandTimeout`,
   * `retryStrategy`) are the driver's and override these.
   */
  readonly redis?: RedisOptions;
  /**
   * Prepended to every key and channel, so several applications (or tests)
   * share one Redis without seeing each other. Default `mcpkit:`.
   */
  readonly keyPrefix?: string;
  /**
   * How long one command may wait for its answer before it fails with
   * `StoreUnavailableError` (Redis hung or overloaded). Default 2000 ms.
   */
  readonly commandTimeoutMs?: number;
  /**
   * How long calls made before the first connection is up wait for it (at
   * start-up); after that, a call made while Redis is unreachable fails at
   * once. Default 5000 ms.
   */
  readonly connectTimeoutMs?: number;
  /** The longest pause between two reconnection attempts (they back off up to it). Default 1000 ms. */
  readonly maxReconnectDelayMs?: number;
  /** Told about connection errors as they happen (default: ignored; calls report them as `StoreUnavailableError`). */
  readonly onError?: (error: Error) => void;
}

/** Default `keyPrefix` of the Redis drivers. */
export const DEFAULT_KEY_PREFIX = 'mcpkit:';
/** Default `commandTimeoutMs` of the Redis drivers. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
/** Default `connectTimeoutMs` of the Redis drivers. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
/** Default `maxReconnectDelayMs` of the Redis drivers. */
export const DEFAULT_MAX_RECONNECT_DELAY_MS = 1000;
