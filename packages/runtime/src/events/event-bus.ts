import type { ListKind } from '@mcpkit/core';

/** A change every interested client hears about, on either protocol era. */
export type BusEvent =
  | { readonly type: 'list_changed'; readonly kind: ListKind }
  | { readonly type: 'resource_updated'; readonly uri: string };

/**
 * Which events a subscriber hears: list kinds and resource URIs, each a list
 * or `'all'` (absent = none). A resource subscription also hears updates of
 * its sub-resources (`file:///dir` hears `file:///dir/a.txt`), as the spec
 * allows an update to name a sub-resource of the subscribed one.
 */
export interface EventFilter {
  readonly lists?: readonly ListKind[] | 'all';
  readonly uris?: readonly string[] | 'all';
}

/** Stops a subscription; calling it again does nothing. */
export type Unsubscribe = () => void;

/**
 * Where list changes and resource updates are published once and heard by
 * every 2025 session and 2026 `subscriptions/listen` stream, in this process
 * (the memory bus) or across instances (a shared driver such as Redis pub/sub).
 * Drivers prove themselves with `eventBusContract`.
 */
export interface EventBus {
  /** Sends an event to every matching subscriber; resolves once the driver accepted it. */
  readonly publish: (event: BusEvent) => Promise<void>;
  /**
   * Starts hearing matching events. Resolves once the subscription is live:
   * an event published after that is delivered. A listener that throws does
   * not stop delivery to the others.
   */
  readonly subscribe: (filter: EventFilter, listener: (event: BusEvent) => void) => Promise<Unsubscribe>;
  /** Ends every subscription and releases the driver; later publishes are dropped. */
  readonly close: () => Promise<void>;
}
