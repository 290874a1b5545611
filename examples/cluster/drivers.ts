/**
 * The Redis drivers an instance runs with. The event store and the event bus
 * come from `@mcpkit/redis` when it exports them; until then the bus rides on
 * the store's pub/sub and SSE events stay in each instance's memory.
 */
import type { Store } from '@mcpkit/core';
import * as redis from '@mcpkit/redis';
import { createMemoryEventBus, createMemoryEventStore, type EventBus, type EventStore } from '@mcpkit/runtime';

/** How the instance reaches Redis. */
export interface Connection {
  readonly url: string;
  readonly keyPrefix: string;
}

/** The store, event store and event bus of one instance. */
export interface Drivers {
  readonly store: Store;
  readonly eventStore: EventStore;
  readonly eventBus: EventBus;
}

/** An event bus over a store's pub/sub: one channel, fanned out locally by filter. */
const storeEventBus = (store: Store): EventBus => {
  const local = createMemoryEventBus();
  let heard: Promise<unknown> | undefined;
  return {
    publish: (event) => store.publish('bus', JSON.stringify(event)),
    subscribe: async (filter, listener) => {
      heard ??= store.subscribe('bus', (message) => void local.publish(JSON.parse(message)));
      await heard;
      return local.subscribe(filter, listener);
    },
    close: () => local.close(),
  };
};

/** Opens the drivers of one instance. */
export const openDrivers = (connection: Connection): Drivers => {
  const exported = redis as unknown as Record<string, ((options: Connection) => unknown) | undefined>;
  const store = redis.redisStore(connection);
  return {
    store,
    eventStore: (exported.redisEventStore?.(connection) as EventStore | undefined) ?? createMemoryEventStore(),
    eventBus: (exported.redisEventBus?.(connection) as EventBus | undefined) ?? storeEventBus(store),
  };
};
