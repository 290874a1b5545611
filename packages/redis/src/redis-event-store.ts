import type { EventStore, ReplaySend } from '@mcpkit/runtime';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_KEY_PREFIX, type RedisConnectionOptions } from './connection-options.js';
import { openRedisLink } from './redis-link.js';

/** Options of {@link redisEventStore}. */
export interface RedisEventStoreOptions extends RedisConnectionOptions {
  /** How many events each stream keeps; the oldest go first (a resume from them is then refused). Default 1000. */
  readonly maxEventsPerStream?: number;
  /** A stream's events are dropped this long after its last event was stored. Default 1 hour. */
  readonly streamTtlMs?: number;
  /**
   * The largest message kept, counted as the length of its JSON. A larger
   * event keeps its id (a resume from it works) but not its message, so a
   * resume skips it. Default 1 MiB.
   */
  readonly maxEventBytes?: number;
}

/** The Redis {@link EventStore}, plus {@link RedisEventStore.close} to release its connection. */
export interface RedisEventStore extends EventStore {
  /** Resolves with the event's id once Redis acknowledged the write. */
  readonly storeEvent: (streamId: string, message: JSONRPCMessage | undefined) => Promise<string>;
  /** Closes the connection; later calls reject with `StoreUnavailableError`. */
  readonly close: () => Promise<void>;
}

/** Default `maxEventsPerStream` of {@link redisEventStore}. */
export const DEFAULT_MAX_EVENTS_PER_STREAM = 1000;
/** Default `streamTtlMs` of {@link redisEventStore}: one hour. */
export const DEFAULT_STREAM_TTL_MS = 60 * 60 * 1000;
/** Default `maxEventBytes` of {@link redisEventStore}: 1 MiB. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** Events read per round trip during a replay, so a long replay never holds the whole stream in memory. */
const REPLAY_PAGE = 100;
/** A Redis stream entry id, as Redis writes them (no leading zeros: Redis would read `1-01` as `1-1`). */
const ENTRY_ID = /^(0|[1-9]\d{0,19})-(0|[1-9]\d{0,19})$/;
/** Longer `Last-Event-ID`s are refused unread. */
const MAX_EVENT_ID_LENGTH = 1024;

const positiveInteger = (name: string, value: number) => {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
};

/** `<streamId>_<entry id>` split in two; undefined for anything this store never gave out. */
const parseEventId = (eventId: string) => {
  if (eventId.length > MAX_EVENT_ID_LENGTH) return undefined;
  const split = eventId.lastIndexOf('_');
  const streamId = eventId.slice(0, split);
  const entryId = eventId.slice(split + 1);
  if (split < 1 || !ENTRY_ID.test(entryId)) return undefined;
  return { streamId, entryId };
};

/** The message field of a stream entry (`[id, [field, value, ...]]`). */
const messageOf = (fields: string[]) => {
  const index = fields.indexOf('m');
  return index >= 0 ? fields[index + 1] : undefined;
};

/** The stored message, or undefined for none (priming, too large) or one that is not JSON (not written by this store). */
const parseMessage = (json: string | undefined): JSONRPCMessage | undefined => {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as JSONRPCMessage;
  } catch {
    return undefined;
  }
};

/**
 * The SSE {@link EventStore} on Redis, so a client whose stream dropped with
 * one instance resumes with `Last-Event-ID` on any other. Each SSE stream is
 * one Redis stream (`XADD`), capped at `maxEventsPerStream` and expiring
 * `streamTtlMs` after its last event; an event id is `<streamId>_<Redis entry
 * id>`, unique across streams and instances, and a resume replays the
 * entries after it in order, exactly once. `storeEvent` resolves once Redis
 * acknowledged the write: with Redis's append-only file fsynced on every
 * write (`appendfsync always`) such an event survives a Redis crash, with the
 * default (`everysec`) up to a second of events may not. While Redis is
 * unreachable both methods reject with `StoreUnavailableError`. Needs Redis
 * 6.2 or later.
 */
export const redisEventStore = (options: RedisEventStoreOptions = {}): RedisEventStore => {
  const maxEvents = options.maxEventsPerStream ?? DEFAULT_MAX_EVENTS_PER_STREAM;
  const ttlMs = options.streamTtlMs ?? DEFAULT_STREAM_TTL_MS;
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  positiveInteger('maxEventsPerStream', maxEvents);
  positiveInteger('streamTtlMs', ttlMs);
  positiveInteger('maxEventBytes', maxBytes);
  const prefix = `${options.keyPrefix ?? DEFAULT_KEY_PREFIX}events:`;
  const link = openRedisLink(options);

  return Object.freeze({
    storeEvent: async (streamId: string, message: JSONRPCMessage | undefined) => {
      const json = message === undefined ? '' : JSON.stringify(message);
      // The priming event and an event too large to keep both store no message: never replayed.
      const kept = json.length > maxBytes ? '' : json;
      const key = `${prefix}${streamId}`;
      const entryId = await link.call(async (client) => {
        const results = await client
          .multi()
          .xadd(key, 'MAXLEN', '=', maxEvents, '*', 'm', kept)
          .pexpire(key, ttlMs)
          .exec();
        const [added] = results ?? [];
        if (!added) throw new Error('the transaction was discarded');
        if (added[0]) throw added[0];
        return String(added[1]);
      });
      return `${streamId}_${entryId}`;
    },
    replayEventsAfter: async (lastEventId: string, send: ReplaySend) => {
      const parsed = parseEventId(lastEventId);
      if (!parsed) return undefined;
      const key = `${prefix}${parsed.streamId}`;
      // The id itself must still be there: one trimmed away (or expired) may have lost events after it.
      const known = await link.call((client) => client.xrange(key, parsed.entryId, parsed.entryId));
      if (known[0]?.[0] !== parsed.entryId) return undefined;
      let after = parsed.entryId;
      for (;;) {
        const page = await link.call((client) => client.xrange(key, `(${after}`, '+', 'COUNT', REPLAY_PAGE));
        for (const [entryId, fields] of page) {
          const message = parseMessage(messageOf(fields));
          if (message) await send(`${parsed.streamId}_${entryId}`, message);
        }
        const last = page.at(-1);
        if (!last || page.length < REPLAY_PAGE) break;
        after = last[0];
      }
      return parsed.streamId;
    },
    close: () => link.close(),
  });
};
