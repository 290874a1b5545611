import { deliverToSubscribers, type Subscriber } from './deliver.js';
import type { BusEvent, EventBus, EventFilter, Unsubscribe } from './event-bus.js';

/** Options of {@link createMemoryEventBus}. */
export interface MemoryEventBusOptions {
  /** Told about a listener that threw (default: ignored, so one bad listener never stops the others). */
  readonly onListenerError?: (error: unknown, event: BusEvent) => void;
}

/**
 * The in-process {@link EventBus}: publishing delivers to matching
 * subscribers synchronously, in subscription order, before `publish`
 * resolves. Holds nothing but its live subscribers.
 */
export const createMemoryEventBus = (options: MemoryEventBusOptions = {}): EventBus => {
  const subscribers = new Set<Subscriber>();
  let closed = false;
  return Object.freeze({
    publish: async (event: BusEvent): Promise<void> => {
      if (closed) return;
      deliverToSubscribers(subscribers, event, options.onListenerError);
    },
    subscribe: async (filter: EventFilter, listener: (event: BusEvent) => void): Promise<Unsubscribe> => {
      const subscriber: Subscriber = { filter, listener };
      if (!closed) subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    close: async (): Promise<void> => {
      closed = true;
      subscribers.clear();
    },
  });
};
