import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Writes one replayed event to the reconnected client. */
export type ReplaySend = (eventId: string, message: JSONRPCMessage) => void | Promise<void>;

/**
 * Where SSE events are kept so a client that lost its connection can resume
 * with `Last-Event-ID`. Methods may be async, so a store can live in Redis or
 * a database. Event ids must be unique across every stream the store holds.
 */
export interface EventStore {
  /**
   * Records one event of `streamId` and returns its id. `message` is undefined
   * for the priming event that opens a stream (an id with no data): it must be
   * remembered so a resume from it works, but it is never replayed.
   */
  readonly storeEvent: (streamId: string, message: JSONRPCMessage | undefined) => string | Promise<string>;
  /**
   * Sends, in order, every message of the stream `lastEventId` belongs to that
   * was stored after it, and returns that stream's id; returns undefined when
   * the id is unknown (never stored, or already evicted).
   */
  readonly replayEventsAfter: (lastEventId: string, send: ReplaySend) => Promise<string | undefined>;
}
