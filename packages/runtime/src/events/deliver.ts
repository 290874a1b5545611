import type { BusEvent, EventFilter } from './event-bus.js';
import { matchesFilter } from './event-filter.js';

/** One subscription of an in-process set of bus subscribers. */
export interface Subscriber {
  readonly filter: EventFilter;
  readonly listener: (event: BusEvent) => void;
}

/**
 * Hands `event` to every subscriber whose filter matches, in subscription
 * order. Iterates a copy (a listener may unsubscribe itself or others) and
 * skips one removed meanwhile; a listener that throws is reported to
 * `onListenerError` and never stops the others.
 */
export const deliverToSubscribers = (
  subscribers: ReadonlySet<Subscriber>,
  event: BusEvent,
  onListenerError: ((error: unknown, event: BusEvent) => void) | undefined,
): void => {
  for (const subscriber of [...subscribers]) {
    if (!subscribers.has(subscriber) || !matchesFilter(subscriber.filter, event)) continue;
    try {
      subscriber.listener(event);
    } catch (error) {
      onListenerError?.(error, event);
    }
  }
};
