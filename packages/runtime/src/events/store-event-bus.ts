import type { ListKind, Store, StoreUnsubscribe } from '@mcpkit/core';
import { deliverToSubscribers, type Subscriber } from './deliver.js';
import type { BusEvent, EventBus, EventFilter, Unsubscribe } from './event-bus.js';

/** Options of {@link createStoreEventBus}. */
export interface StoreEventBusOptions {
  /** The store channel events travel on; every instance of one application must use the same. Default `events`. */
  readonly channel?: string;
  /** Close the store when the bus closes (the bus owns it). Default false. */
  readonly closeStore?: boolean;
  /** Told about a listener that threw (default: ignored, so one bad listener never stops the others). */
  readonly onListenerError?: (error: unknown, event: BusEvent) => void;
}

const LIST_KINDS: readonly string[] = ['tools', 'resources', 'prompts'] satisfies ListKind[];
/** Longest resource URI accepted off the wire; the store is shared, so its messages are checked. */
const MAX_URI_LENGTH = 8192;

/** The event a channel message carries, or undefined for anything that is not one. */
const decode = (message: string): BusEvent | undefined => {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as { type?: unknown; kind?: unknown; uri?: unknown };
  if (event.type === 'list_changed' && typeof event.kind === 'string' && LIST_KINDS.includes(event.kind)) {
    return { type: 'list_changed', kind: event.kind as ListKind };
  }
  if (event.type === 'resource_updated' && typeof event.uri === 'string' && event.uri.length <= MAX_URI_LENGTH) {
    return { type: 'resource_updated', uri: event.uri };
  }
  return undefined;
};

/**
 * An {@link EventBus} over a `Store`'s pub/sub: events are published as JSON
 * on one channel and every instance sharing the store (a Redis store, say)
 * hears them and delivers them to its matching subscribers. One store
 * subscription serves all of this bus's subscribers; messages that are not
 * events are ignored. Delivery is as reliable as the store's pub/sub (Redis:
 * at most once, in publish order per publisher).
 */
export const createStoreEventBus = (store: Store, options: StoreEventBusOptions = {}): EventBus => {
  const channel = options.channel ?? 'events';
  const subscribers = new Set<Subscriber>();
  let listening: Promise<StoreUnsubscribe> | undefined;
  let closed = false;

  const deliver = (message: string) => {
    const event = decode(message);
    if (!event || closed) return;
    deliverToSubscribers(subscribers, event, options.onListenerError);
  };
  const listen = () => {
    if (!listening) {
      listening = store.subscribe(channel, deliver);
      // A failed subscribe is retried by the next subscriber.
      listening.catch(() => {
        listening = undefined;
      });
    }
    return listening;
  };

  return Object.freeze({
    publish: async (event: BusEvent): Promise<void> => {
      if (closed) return;
      await store.publish(channel, JSON.stringify(event));
    },
    subscribe: async (filter: EventFilter, listener: (event: BusEvent) => void): Promise<Unsubscribe> => {
      const subscriber: Subscriber = { filter, listener };
      if (closed) return () => {};
      await listen();
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    close: async (): Promise<void> => {
      if (closed) return;
      closed = true;
      subscribers.clear();
      const stop = await listening?.catch(() => undefined);
      await stop?.().catch(() => {});
      if (options.closeStore) await store.close();
    },
  });
};
