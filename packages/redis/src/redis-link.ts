import { StoreUnavailableError } from '@mcpkit/core';
import { Redis } from 'ioredis';
import {
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_RECONNECT_DELAY_MS,
  type RedisConnectionOptions,
} from './connection-options.js';

/** One ioredis connection whose calls fail fast with `StoreUnavailableError` while Redis is unreachable. */
export interface RedisLink {
  /** The connection, for the driver's own commands (through {@link RedisLink.call}). */
  readonly client: Redis;
  /** Runs `command` on the connection; an unreachable, hung or closed Redis becomes `StoreUnavailableError`. */
  readonly call: <T>(command: (client: Redis) => Promise<T>) => Promise<T>;
  /** Whether {@link RedisLink.close} was called. */
  readonly closed: () => boolean;
  /** Closes the connection (QUIT when it is up, else at once); later calls fail. */
  readonly close: () => Promise<void>;
}

const positive = (name: string, value: number) => {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
};

/**
 * Opens one connection tuned to fail fast: no offline queue (a call while
 * disconnected is refused at once), no retry or resend of a call in flight
 * when the connection drops (an INCR must not run twice), a per-command
 * timeout, and reconnection by itself with a capped backoff. Calls made
 * before the first connection is up wait for it, up to `connectTimeoutMs`.
 */
export const openRedisLink = (options: RedisConnectionOptions = {}): RedisLink => {
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  positive('commandTimeoutMs', commandTimeoutMs);
  positive('connectTimeoutMs', connectTimeoutMs);
  positive('maxReconnectDelayMs', maxReconnectDelayMs);
  const tuned = {
    ...options.redis,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: true,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (attempt: number) => Math.min(attempt * 50, maxReconnectDelayMs),
    lazyConnect: false,
  };
  const client = new Redis(options.url ?? 'redis://127.0.0.1:6379', tuned);
  let closed = false;
  let everReady = false;
  const firstReady = new Promise<void>((resolve) => client.once('ready', () => resolve()));
  client.on('ready', () => {
    everReady = true;
  });
  // Without a listener ioredis prints every connection error; the driver reports them through calls instead.
  client.on('error', (error: Error) => options.onError?.(error));

  const retryAfterMs = Math.max(100, Math.min(maxReconnectDelayMs, 1000));
  const unavailable = (why: string, cause?: unknown) =>
    new StoreUnavailableError(`Redis is unavailable: ${why}`, retryAfterMs, { cause });

  const waitForFirstConnection = async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), connectTimeoutMs);
    });
    try {
      return await Promise.race([firstReady.then(() => 'ready' as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const call = async <T>(command: (client: Redis) => Promise<T>): Promise<T> => {
    if (closed) throw unavailable('the driver was closed');
    if (client.status !== 'ready') {
      if (everReady) throw unavailable(`the connection is ${client.status}`);
      if ((await waitForFirstConnection()) === 'timeout') {
        throw unavailable(`no connection within ${connectTimeoutMs} ms`);
      }
    }
    try {
      return await command(client);
    } catch (error) {
      // A reply error is Redis refusing this command (a bug, a wrong type): not an outage.
      if (error instanceof Error && error.name === 'ReplyError') throw error;
      throw unavailable(error instanceof Error ? error.message : String(error), error);
    }
  };

  return {
    client,
    call,
    closed: () => closed,
    close: async () => {
      if (closed) return;
      closed = true;
      if (client.status === 'ready') {
        try {
          await client.quit();
          return;
        } catch {
          // Fall through to a hard disconnect.
        }
      }
      client.disconnect();
    },
  };
};
