import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { EventStore } from './event-store.js';

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** How many events to keep in all; the oldest go first. Default 10 000. */
  readonly maxEvents?: number;
  /**
   * How much message text to keep in all, counted as the length of each
   * message's JSON; the oldest events go first. An event larger than this on
   * its own keeps its id but not its message, so a resume skips it. Default 32 MiB.
   */
  readonly maxBytes?: number;
}

/** Default `maxBytes` of the memory event store: 32 MiB. */
export const DEFAULT_EVENT_STORE_MAX_BYTES = 32 * 1024 * 1024;

interface StoredEvent {
  readonly streamId: string;
  /** The message as JSON text: compact, its size known, and no reference kept into the app's objects. */
  readonly json: string | undefined;
}

const positiveInteger = (name: string, value: number) => {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
};

/**
 * An {@link EventStore} in process memory: fine for one process, lost on
 * restart. Bounded by `maxEvents` and `maxBytes` so a busy server, or
 * messages quoting large input, cannot grow it without limit.
 */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): EventStore => {
  const maxEvents = options.maxEvents ?? 10_000;
  const maxBytes = options.maxBytes ?? DEFAULT_EVENT_STORE_MAX_BYTES;
  positiveInteger('maxEvents', maxEvents);
  positiveInteger('maxBytes', maxBytes);
  // A Map iterates in insertion order, which is event order.
  const events = new Map<string, StoredEvent>();
  let bytes = 0;
  let counter = 0;
  const dropOldest = () => {
    const oldest = events.entries().next().value;
    if (!oldest) return;
    events.delete(oldest[0]);
    bytes -= oldest[1].json?.length ?? 0;
  };

  return Object.freeze({
    storeEvent: (streamId: string, message: JSONRPCMessage | undefined) => {
      counter += 1;
      const eventId = `${streamId}_${counter}`;
      const json = message === undefined ? undefined : JSON.stringify(message);
      const size = json?.length ?? 0;
      // Too large to keep on its own: its id is kept (a resume from it works), its message is not.
      const kept = size > maxBytes ? undefined : json;
      events.set(eventId, { streamId, json: kept });
      bytes += kept?.length ?? 0;
      while (events.size > maxEvents || bytes > maxBytes) dropOldest();
      return eventId;
    },
    replayEventsAfter: async (lastEventId, send) => {
      const last = events.get(lastEventId);
      if (!last) return undefined;
      let after = false;
      for (const [eventId, event] of [...events]) {
        if (eventId === lastEventId) after = true;
        else if (after && event.streamId === last.streamId && event.json !== undefined) {
          await send(eventId, JSON.parse(event.json) as JSONRPCMessage);
        }
      }
      return last.streamId;
    },
  } satisfies EventStore);
};
