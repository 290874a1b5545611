import { encodeMessage } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SseConnection } from '../http/sse-stream.js';
import type { Send } from '../session/types.js';
import type { EventStore } from './event-store.js';

/**
 * The SSE streams of one session. A stream outlives its connection: with an
 * event store, messages written while the client is away are stored, and a
 * GET with `Last-Event-ID` replays them and takes the stream over.
 * Every store-and-write goes through one promise chain, so events keep their
 * order even with an async store and a resume can never miss one.
 */
export interface Streams {
  /** Starts a stream on `conn` (undefined: a stream with no connection yet). */
  readonly open: (streamId: string, conn: SseConnection | undefined) => void;
  /** A Send writing to the stream; it throws when the message could never arrive. */
  readonly sender: (streamId: string) => Send;
  /** Writes an id-only priming event so the client can resume even before any message. */
  readonly prime: (streamId: string) => void;
  /** Ends a stream after everything queued before it is written. */
  readonly finish: (streamId: string) => Promise<void>;
  /** Whether a live connection is attached to the stream. */
  readonly connected: (streamId: string) => boolean;
  /** Connections currently open, on any stream. */
  readonly openCount: () => number;
  /**
   * Replays what followed `lastEventId` onto `conn` and moves the stream to it;
   * a finished stream is closed after its replay. False when the id is unknown
   * or belongs to another session (nothing is written then).
   */
  readonly resume: (lastEventId: string, conn: SseConnection) => Promise<boolean>;
  /** Closes every connection. */
  readonly closeAll: () => void;
}

/**
 * Creates the stream table of one session; stream ids must start with
 * `prefix`. `adoptable` names a stream a resume may take over even though
 * this table never opened it: the standalone stream of a session that moved
 * here from another instance (a shared session store).
 */
export const createStreams = (prefix: string, store: EventStore | undefined, adoptable?: string): Streams => {
  // Live (unfinished) streams and their current connection, if any.
  const live = new Map<string, SseConnection | undefined>();
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (op: () => void | Promise<void>): Promise<void> => {
    chain = chain.then(op).catch(() => {
      // A failing store loses that event's resumability (a priming event is dropped); the stream itself goes on.
    });
    return chain;
  };

  const attach = (streamId: string, conn: SseConnection | undefined) => {
    const previous = live.get(streamId);
    live.set(streamId, conn);
    if (previous && previous !== conn) previous.close();
  };

  const write = (streamId: string, message: JSONRPCMessage | undefined) =>
    enqueue(async () => {
      let id: string | undefined;
      try {
        id = store ? await store.storeEvent(streamId, message) : undefined;
      } catch (error) {
        // The store is down: the event cannot be resumed, but the connected client still gets it.
        if (message === undefined) throw error;
      }
      live.get(streamId)?.write({ id, data: message === undefined ? '' : encodeMessage(message) });
    });

  const replayOnto = async (lastEventId: string, conn: SseConnection): Promise<boolean> => {
    if (!store) return false;
    const missed: { id: string; message: JSONRPCMessage }[] = [];
    const streamId = await store.replayEventsAfter(lastEventId, (id, message) => {
      missed.push({ id, message });
    });
    // Buffered before writing, so another session's events never leak.
    if (streamId === undefined || !streamId.startsWith(prefix)) return false;
    for (const event of missed) conn.write({ id: event.id, data: encodeMessage(event.message) });
    if (live.has(streamId) || streamId === adoptable) attach(streamId, conn);
    else conn.close();
    return true;
  };

  return {
    open: attach,
    sender: (streamId) => (message) => {
      if (!store && !live.get(streamId)?.isOpen()) {
        throw new Error('The client is no longer connected to the stream this message belongs to');
      }
      void write(streamId, message);
    },
    prime: (streamId) => {
      if (store) void write(streamId, undefined);
    },
    finish: (streamId) =>
      enqueue(() => {
        const conn = live.get(streamId);
        live.delete(streamId);
        conn?.close();
      }),
    connected: (streamId) => live.get(streamId)?.isOpen() === true,
    openCount: () => [...live.values()].filter((conn) => conn?.isOpen()).length,
    resume: (lastEventId, conn) =>
      new Promise<boolean>((resolve) => {
        void enqueue(async () => {
          try {
            resolve(await replayOnto(lastEventId, conn));
          } catch {
            resolve(false);
          }
        });
      }),
    closeAll: () => {
      const conns = [...live.values()];
      live.clear();
      for (const conn of conns) conn?.close();
    },
  };
};
