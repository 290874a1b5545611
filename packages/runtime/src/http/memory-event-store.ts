import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { EventStore } from './event-store.js';

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** How many events to keep in all; the oldest go first. Default 10 000. */
  readonly maxEvents?: number;
}

interface StoredEvent {
  readonly streamId: string;
  readonly message: JSONRPCMessage | undefined;
}

/**
 * An {@link EventStore} in process memory: fine for one process, lost on
 * restart. Bounded by `maxEvents` so a busy server cannot grow without limit.
 */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): EventStore => {
  const maxEvents = options.maxEvents ?? 10_000;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) {
    throw new RangeError(`maxEvents must be a positive integer, got ${maxEvents}`);
  }
  // A Map iterates in insertion order, which is event order.
  const events = new Map<string, StoredEvent>();
  let counter = 0;

  return Object.freeze({
    storeEvent: (streamId: string, message: JSONRPCMessage | undefined) => {
      counter += 1;
      const eventId = `${streamId}_${counter}`;
      events.set(eventId, { streamId, message });
      if (events.size > maxEvents) {
        const oldest = events.keys().next().value;
        if (oldest !== undefined) events.delete(oldest);
      }
      return eventId;
    },
    replayEventsAfter: async (lastEventId, send) => {
      const last = events.get(lastEventId);
      if (!last) return undefined;
      let after = false;
      for (const [eventId, event] of [...events]) {
        if (eventId === lastEventId) after = true;
        else if (after && event.streamId === last.streamId && event.message) await send(eventId, event.message);
      }
      return last.streamId;
    },
  } satisfies EventStore);
};
