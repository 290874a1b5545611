import type { BusEvent, EventFilter } from './event-bus.js';

/** Whether `uri` is `subscribed` or one of its sub-resources (a path, query or fragment below it). */
export const coversUri = (subscribed: string, uri: string): boolean => {
  if (uri === subscribed) return true;
  if (!uri.startsWith(subscribed)) return false;
  const next = uri[subscribed.length];
  return subscribed.endsWith('/') || next === '/' || next === '?' || next === '#';
};

/** Whether a subscriber with `filter` hears `event`. */
export const matchesFilter = (filter: EventFilter, event: BusEvent): boolean => {
  if (event.type === 'list_changed') {
    return filter.lists === 'all' || (filter.lists?.includes(event.kind) ?? false);
  }
  return filter.uris === 'all' || (filter.uris?.some((subscribed) => coversUri(subscribed, event.uri)) ?? false);
};
