import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import type { EventStore } from './event-store.js';

/** How the contract builds the driver under test. */
export interface EventStoreContractOptions {
  /** A fresh store that holds no event, with room for at least 100 events per stream. */
  readonly create: () => EventStore | Promise<EventStore>;
  /**
   * A second store on the same backend as `store` (another server instance),
   * for shared drivers; leave it out for in-process ones.
   */
  readonly peer?: (store: EventStore) => EventStore | Promise<EventStore>;
  /** Releases a store the contract created (a driver with connections); default nothing. */
  readonly close?: (store: EventStore) => void | Promise<void>;
}

const note = (data: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data },
});

/** The replay after `lastEventId`: the stream it names, and each event's id and data. */
const replay = async (store: EventStore, lastEventId: string) => {
  const events: { id: string; data: string }[] = [];
  const streamId = await store.replayEventsAfter(lastEventId, (id, message) => {
    events.push({ id, data: (message as { params?: { data?: string } }).params?.data ?? '' });
  });
  return { streamId, events, data: events.map((event) => event.data) };
};

/**
 * The behaviour every {@link EventStore} driver must have, as a vitest suite
 * (call it from the driver's test file): ids unique across streams, replay in
 * order of only the stream the id belongs to, exactly once, the priming
 * event remembered but never replayed, unknown and hostile ids answered with
 * undefined, messages stored as copies, and resuming on another instance when
 * the driver is shared (`peer`).
 */
export const eventStoreContract = (name: string, options: EventStoreContractOptions): void => {
  describe(`EventStore contract: ${name}`, () => {
    const withStore = async (test: (store: EventStore) => Promise<void>) => {
      const store = await options.create();
      try {
        await test(store);
      } finally {
        await options.close?.(store);
      }
    };

    it('gives every event an id unique across streams', () =>
      withStore(async (store) => {
        const ids = await Promise.all(
          Array.from({ length: 60 }, (_, i) => store.storeEvent(`stream-${i % 3}`, note(String(i)))),
        );
        expect(new Set(ids).size).toBe(60);
        for (const id of ids) expect(typeof id).toBe('string');
      }));

    it('replays, in order, only what followed the id, of its own stream only', () =>
      withStore(async (store) => {
        const a: string[] = [];
        for (let i = 0; i < 10; i++) {
          a.push(await store.storeEvent('a', note(`a${i}`)));
          await store.storeEvent('b', note(`b${i}`));
        }
        const fromThird = await replay(store, a[2] as string);
        expect(fromThird.streamId).toBe('a');
        expect(fromThird.data).toEqual(['a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
        expect(fromThird.events.map((event) => event.id)).toEqual(a.slice(3));
        const fromLast = await replay(store, a[9] as string);
        expect(fromLast).toEqual({ streamId: 'a', events: [], data: [] });
      }));

    it('replays the same events each time (a client may resume twice from one id)', () =>
      withStore(async (store) => {
        const first = await store.storeEvent('s', note('1'));
        await store.storeEvent('s', note('2'));
        await store.storeEvent('s', note('3'));
        expect((await replay(store, first)).data).toEqual(['2', '3']);
        expect((await replay(store, first)).data).toEqual(['2', '3']);
      }));

    it('remembers the priming event so a resume from it works, but never replays it', () =>
      withStore(async (store) => {
        const primed = await store.storeEvent('s', undefined);
        expect(await replay(store, primed)).toEqual({ streamId: 's', events: [], data: [] });
        const first = await store.storeEvent('s', note('first'));
        await store.storeEvent('s', undefined);
        await store.storeEvent('s', note('second'));
        const replayed = await replay(store, primed);
        expect(replayed.data).toEqual(['first', 'second']);
        expect(replayed.events[0]?.id).toBe(first);
      }));

    it('answers undefined for an id it never gave out, hostile ones included', () =>
      withStore(async (store) => {
        const real = await store.storeEvent('s', note('x'));
        const sent: string[] = [];
        for (const id of [
          '',
          'nope',
          `${real}0`,
          `x${real}`,
          '../../etc/passwd',
          '*',
          '-',
          '+',
          '0-0',
          's_0-0',
          's_*',
          `${'x'.repeat(10_000)}_1-0`,
          'a\r\nb',
        ]) {
          expect(await store.replayEventsAfter(id, (eventId) => void sent.push(eventId))).toBeUndefined();
        }
        expect(sent).toEqual([]);
      }));

    it('stores a copy: changing a message after storing it changes nothing', () =>
      withStore(async (store) => {
        const first = await store.storeEvent('s', note('first'));
        const message = note('original');
        await store.storeEvent('s', message);
        (message as unknown as { params: { data: string } }).params.data = 'changed';
        expect((await replay(store, first)).data).toEqual(['original']);
      }));

    it('keeps any message intact through a replay', () =>
      withStore(async (store) => {
        const first = await store.storeEvent('s', undefined);
        const messages: JSONRPCMessage[] = [
          { jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: 'caf\u00e9 \u{1F680} "q" \\ \n' }] } },
          { jsonrpc: '2.0', id: 'req-1', method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } },
          { jsonrpc: '2.0', id: 8, error: { code: -32603, message: 'boom', data: { nested: [1, null, true] } } },
        ];
        for (const message of messages) await store.storeEvent('s', message);
        const replayed: JSONRPCMessage[] = [];
        await store.replayEventsAfter(first, (_id, message) => void replayed.push(message));
        expect(replayed).toEqual(messages);
      }));

    const { peer } = options;
    if (peer) {
      it('resumes on another instance sharing the backend, in order, exactly once', () =>
        withStore(async (store) => {
          const other = await peer(store);
          try {
            const primed = await store.storeEvent('shared', undefined);
            for (let i = 0; i < 5; i++) await store.storeEvent('shared', note(`e${i}`));
            const there = await replay(other, primed);
            expect(there.streamId).toBe('shared');
            expect(there.data).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
            // The other instance goes on writing the stream; the ids stay unique and ordered.
            const next = await other.storeEvent('shared', note('e5'));
            expect(there.events.map((event) => event.id)).not.toContain(next);
            expect((await replay(store, there.events[3]?.id as string)).data).toEqual(['e4', 'e5']);
          } finally {
            await options.close?.(other);
          }
        }));
    }
  });
};
