import type { Store, StoreIncrementOptions, StoreSetOptions, StoreUnsubscribe } from '@mcpkit/core';
import { DEFAULT_KEY_PREFIX, type RedisConnectionOptions } from './connection-options.js';
import { openRedisLink, type RedisLink } from './redis-link.js';

/** Options of {@link redisStore}. */
export type RedisStoreOptions = RedisConnectionOptions;

/** Milliseconds as Redis `PX` wants them: a whole number, at least 1. */
const px = (ttlMs: number) => {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  return Math.max(1, Math.ceil(ttlMs));
};

/**
 * The {@link Store} on Redis, shared by every instance that points at the same
 * Redis and `keyPrefix`. Values and counters go through one command
 * connection; subscriptions through a second one, opened at the first
 * `subscribe` (Redis reserves a subscribing connection for pub/sub). Both
 * reconnect by themselves and resubscribe; while Redis is unreachable every
 * call rejects at once with `StoreUnavailableError` (from `@mcpkit/core`)
 * instead of queueing, so a server can answer 503. Pub/sub is Redis's:
 * at most once, so messages published while a subscriber is disconnected are
 * not delivered to it.
 */
export const redisStore = (options: RedisStoreOptions = {}): Store => {
  const prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const commands = openRedisLink(options);
  let subscriber: RedisLink | undefined;
  const channels = new Map<string, Set<(message: string) => void>>();
  let closed = false;

  const key = (name: string) => `${prefix}${name}`;
  const deliver = (channel: string, message: string) => {
    for (const listener of [...(channels.get(channel) ?? [])]) {
      try {
        listener(message);
      } catch {
        // One listener's failure must not stop the others.
      }
    }
  };
  const subscriberLink = () => {
    if (!subscriber) {
      subscriber = openRedisLink(options);
      subscriber.client.on('message', deliver);
    }
    return subscriber;
  };

  return Object.freeze({
    get: (name: string) => commands.call(async (client) => (await client.get(key(name))) ?? undefined),
    set: async (name: string, value: string, set: StoreSetOptions = {}) => {
      const args: (string | number)[] = [key(name), value];
      if (set.ttlMs !== undefined) args.push('PX', px(set.ttlMs));
      if (set.ifAbsent) args.push('NX');
      return commands.call(async (client) => (await client.call('SET', ...args)) === 'OK');
    },
    delete: (name: string) => commands.call(async (client) => (await client.del(key(name))) > 0),
    touch: async (name: string, ttlMs: number) => {
      const ms = px(ttlMs);
      return commands.call(async (client) => (await client.pexpire(key(name), ms)) === 1);
    },
    increment: async (name: string, by = 1, increment: StoreIncrementOptions = {}) => {
      if (!Number.isSafeInteger(by)) throw new RangeError(`increment by must be a safe integer, got ${by}`);
      const target = key(name);
      if (increment.ttlMs === undefined) return commands.call((client) => client.incrby(target, by));
      const ms = px(increment.ttlMs);
      // One transaction: create the key at 0 with its TTL when absent, then add; an existing key keeps its TTL.
      return commands.call(async (client) => {
        const results = await client.multi().set(target, '0', 'PX', ms, 'NX').incrby(target, by).exec();
        const [, added] = results ?? [];
        if (!added) throw new Error('the transaction was discarded');
        if (added[0]) throw added[0];
        return Number(added[1]);
      });
    },
    publish: async (channel: string, message: string) => {
      if (closed) return;
      await commands.call((client) => client.publish(key(channel), message));
    },
    subscribe: async (channel: string, listener: (message: string) => void): Promise<StoreUnsubscribe> => {
      if (closed) return async () => {};
      const link = subscriberLink();
      const name = key(channel);
      const listeners = channels.get(name) ?? new Set<(message: string) => void>();
      channels.set(name, listeners);
      // Wrapped, so the same function subscribed twice is two subscriptions.
      const entry = (message: string) => listener(message);
      listeners.add(entry);
      try {
        // Sent even when the channel is already heard: its reply is what proves the subscription live.
        await link.call((client) => client.subscribe(name));
      } catch (error) {
        listeners.delete(entry);
        throw error;
      }
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        listeners.delete(entry);
        if (listeners.size > 0 || channels.get(name) !== listeners) return;
        channels.delete(name);
        // Commands on one connection run in order, so a later SUBSCRIBE of this channel still wins.
        if (!closed) await link.call((client) => client.unsubscribe(name)).catch(() => {});
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      channels.clear();
      await Promise.all([commands.close(), subscriber?.close()]);
    },
  });
};
