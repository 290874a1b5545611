import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import type { SseConnection, SseEvent } from '../http/sse-stream.js';
import { createMemoryEventStore } from './memory-event-store.js';
import { createStreams } from './streams.js';

/** A connection that records what is written to it. */
const connection = () => {
  const events: SseEvent[] = [];
  let open = true;
  const conn: SseConnection = {
    response: { status: 200, headers: {} },
    write: (event) => {
      if (open) events.push(event);
      return open;
    },
    close: () => {
      open = false;
    },
    isOpen: () => open,
  };
  return { conn, events, dataOf: () => events.map((e) => e.data) };
};

/** Lets queued writes run (the memory store answers at once). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

const message = (n: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/message', params: { n } });
const text = (n: number) => JSON.stringify(message(n));

describe('createStreams', () => {
  test('without a store: writes go to the open connection, in order; a stream with none refuses to send', async () => {
    const streams = createStreams('s1.', undefined);
    const { conn, dataOf } = connection();
    streams.open('s1.a', conn);
    expect(streams.connected('s1.a')).toBe(true);
    expect(streams.openCount()).toBe(1);
    streams.sender('s1.a')(message(1));
    streams.sender('s1.a')(message(2));
    streams.prime('s1.a'); // nothing to prime without a store
    await streams.finish('s1.a');
    expect(dataOf()).toEqual([text(1), text(2)]);
    expect(conn.isOpen()).toBe(false);
    expect(streams.connected('s1.a')).toBe(false);
    expect(() => streams.sender('s1.a')(message(3))).toThrow(/no longer connected/);
    await expect(streams.resume('anything', connection().conn)).resolves.toBe(false);
  });

  test('a second connection on a stream takes it over and closes the first', () => {
    const streams = createStreams('s1.', undefined);
    const first = connection();
    const second = connection();
    streams.open('s1.a', first.conn);
    streams.open('s1.a', second.conn);
    expect(first.conn.isOpen()).toBe(false);
    expect(streams.openCount()).toBe(1);
    streams.closeAll();
    expect(second.conn.isOpen()).toBe(false);
    expect(streams.openCount()).toBe(0);
  });

  test('with a store: events get ids, the priming event has no data; resuming a finished stream replays and closes', async () => {
    const streams = createStreams('s1.', createMemoryEventStore());
    const first = connection();
    streams.open('s1.a', first.conn);
    streams.prime('s1.a');
    streams.sender('s1.a')(message(1));
    streams.sender('s1.a')(message(2));
    await streams.finish('s1.a');
    const [primed, one, two] = first.events;
    expect(primed?.data).toBe('');
    expect(primed?.id).toBeTypeOf('string');
    expect(one).toMatchObject({ data: text(1) });
    expect(one?.id).toBeTypeOf('string');
    expect(new Set([primed?.id, one?.id, two?.id]).size).toBe(3);
    const back = connection();
    expect(await streams.resume(one?.id as string, back.conn)).toBe(true);
    expect(back.dataOf()).toEqual([text(2)]);
    expect(back.conn.isOpen()).toBe(false);
  });

  test('a resume replays the events after the given id onto the new connection, which takes the stream over', async () => {
    const streams = createStreams('s1.', createMemoryEventStore());
    const live = connection();
    streams.open('s1.live', live.conn);
    streams.prime('s1.live');
    // The priming event is written in turn (the queue): wait for it, then the client goes away.
    await settled();
    live.conn.close();
    streams.sender('s1.live')(message(7));
    streams.sender('s1.live')(message(8));
    const resumed = connection();
    // Wait for the queued writes: resume runs after everything queued before it.
    expect(await streams.resume(live.events[0]?.id as string, resumed.conn)).toBe(true);
    expect(resumed.dataOf()).toEqual([text(7), text(8)]);
    expect(streams.connected('s1.live')).toBe(true);
    streams.sender('s1.live')(message(9));
    await streams.finish('s1.live');
    expect(resumed.dataOf()).toEqual([text(7), text(8), text(9)]);
  });

  test("another session's event id, or an unknown one, resumes nothing and writes nothing", async () => {
    const store = createMemoryEventStore();
    const mine = createStreams('s1.', store);
    const theirs = createStreams('s2.', store);
    const other = connection();
    theirs.open('s2.a', other.conn);
    theirs.prime('s2.a');
    theirs.sender('s2.a')(message(1));
    await theirs.finish('s2.a');
    expect(other.events).toHaveLength(2);
    const thief = connection();
    expect(await mine.resume(other.events[0]?.id as string, thief.conn)).toBe(false);
    expect(await mine.resume('no-such-id', thief.conn)).toBe(false);
    expect(thief.events).toEqual([]);
  });

  test('a store that fails loses resumability, not the message: the connected client still gets it', async () => {
    const failing = {
      ...createMemoryEventStore(),
      storeEvent: () => {
        throw new Error('store down');
      },
    };
    const streams = createStreams('s1.', failing);
    const { conn, events } = connection();
    streams.open('s1.a', conn);
    streams.prime('s1.a');
    streams.sender('s1.a')(message(1));
    await streams.finish('s1.a');
    expect(events).toEqual([{ id: undefined, data: text(1) }]);
  });
});
