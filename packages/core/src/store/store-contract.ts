import { describe, expect, it, vi } from 'vitest';
import type { Store } from './store.js';

/** How the contract builds the driver under test. */
export interface StoreContractOptions {
  /**
   * A fresh store whose keys and channels no other test sees (for a shared
   * backend: a fresh key prefix), with nothing subscribed.
   */
  readonly create: () => Store | Promise<Store>;
  /**
   * A second store on the same backend and namespace as `store` (another
   * server instance), for shared drivers; leave it out for in-process ones.
   */
  readonly peer?: (store: Store) => Store | Promise<Store>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Subscribes and collects what arrives; `settled` publishes a marker and waits for it, so every earlier message has arrived. */
const listen = async (store: Store, channel: string) => {
  const heard: string[] = [];
  const stop = await store.subscribe(channel, (message) => heard.push(message));
  let rounds = 0;
  const settled = async (from: Store = store) => {
    // A fresh marker each time: waiting for one already heard would wait for nothing.
    rounds += 1;
    const marker = `\u0000done:${rounds}:${Math.random()}`;
    await from.publish(channel, marker);
    await vi.waitFor(() => expect(heard).toContain(marker));
    return heard.filter((message) => !message.startsWith('\u0000done:'));
  };
  return { heard, stop, settled };
};

/**
 * The behaviour every {@link Store} driver must have, as a vitest suite (call
 * it from the driver's test file): values, time to live, `ifAbsent`, `touch`,
 * atomic `increment` under concurrency, pub/sub delivery, order,
 * unsubscribe and listener isolation, `close`, and sharing across instances
 * when the driver is shared (`peer`). TTL cases wait real time (tens of
 * milliseconds), as a remote backend keeps its own clock.
 */
export const storeContract = (name: string, options: StoreContractOptions): void => {
  describe(`Store contract: ${name}`, () => {
    const withStore = async (test: (store: Store) => Promise<void>) => {
      const store = await options.create();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    it('reads what it wrote, overwrites, deletes', () =>
      withStore(async (store) => {
        expect(await store.get('a')).toBeUndefined();
        expect(await store.set('a', 'one')).toBe(true);
        expect(await store.get('a')).toBe('one');
        expect(await store.set('a', 'two')).toBe(true);
        expect(await store.get('a')).toBe('two');
        expect(await store.delete('a')).toBe(true);
        expect(await store.delete('a')).toBe(false);
        expect(await store.get('a')).toBeUndefined();
      }));

    it('keeps any string value intact, empty and unicode included', () =>
      withStore(async (store) => {
        const values = ['', ' ', '{"a":[1,2]}', 'line\nbreak\r\n', 'emoji \u{1F680} and \u00e9', 'x'.repeat(100_000)];
        for (const [index, value] of values.entries()) await store.set(`v${index}`, value);
        for (const [index, value] of values.entries()) expect(await store.get(`v${index}`)).toBe(value);
        expect(await store.get('unrelated key with spaces:and:colons')).toBeUndefined();
      }));

    it('expires an entry after its time to live, and keeps one without', () =>
      withStore(async (store) => {
        await store.set('short', 'v', { ttlMs: 200 });
        await store.set('forever', 'v');
        expect(await store.get('short')).toBe('v');
        await sleep(350);
        expect(await store.get('short')).toBeUndefined();
        expect(await store.delete('short')).toBe(false);
        expect(await store.get('forever')).toBe('v');
      }));

    it('overwriting without a TTL clears the old TTL', () =>
      withStore(async (store) => {
        await store.set('k', 'old', { ttlMs: 40 });
        await store.set('k', 'new');
        await sleep(120);
        expect(await store.get('k')).toBe('new');
      }));

    it('writes with ifAbsent only when the key is absent or expired', () =>
      withStore(async (store) => {
        expect(await store.set('k', 'first', { ifAbsent: true })).toBe(true);
        expect(await store.set('k', 'second', { ifAbsent: true })).toBe(false);
        expect(await store.get('k')).toBe('first');
        await store.set('gone', 'v', { ttlMs: 30 });
        await sleep(100);
        expect(await store.set('gone', 'again', { ifAbsent: true, ttlMs: 10_000 })).toBe(true);
        expect(await store.get('gone')).toBe('again');
      }));

    it('lets exactly one of many concurrent ifAbsent writers win', () =>
      withStore(async (store) => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.set('lock', `w${i}`, { ifAbsent: true })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get('lock')).toBe(`w${results.indexOf(true)}`);
      }));

    it('touch renews a live key and answers false for an absent one', () =>
      withStore(async (store) => {
        expect(await store.touch('missing', 1000)).toBe(false);
        await store.set('k', 'v', { ttlMs: 300 });
        await sleep(100);
        expect(await store.touch('k', 2000)).toBe(true);
        // Past the first TTL: only the renewal keeps it.
        await sleep(300);
        expect(await store.get('k')).toBe('v');
        await store.set('brief', 'v', { ttlMs: 10_000 });
        expect(await store.touch('brief', 30)).toBe(true);
        await sleep(100);
        expect(await store.get('brief')).toBeUndefined();
        expect(await store.touch('brief', 1000)).toBe(false);
      }));

    it('increments from zero, by any integer, and answers the new value', () =>
      withStore(async (store) => {
        expect(await store.increment('n')).toBe(1);
        expect(await store.increment('n')).toBe(2);
        expect(await store.increment('n', 10)).toBe(12);
        expect(await store.increment('n', -5)).toBe(7);
        expect(await store.get('n')).toBe('7');
        await store.set('m', '41');
        expect(await store.increment('m')).toBe(42);
      }));

    it('increments atomically under concurrency', () =>
      withStore(async (store) => {
        const results = await Promise.all(Array.from({ length: 200 }, () => store.increment('counter')));
        expect(new Set(results).size).toBe(200);
        expect(Math.max(...results)).toBe(200);
        expect(await store.get('counter')).toBe('200');
      }));

    it('sets the TTL only when the increment creates the key', () =>
      withStore(async (store) => {
        expect(await store.increment('window', 1, { ttlMs: 300 })).toBe(1);
        await sleep(100);
        // A later increment must not push the expiry back (a fixed window).
        expect(await store.increment('window', 1, { ttlMs: 300 })).toBe(2);
        await sleep(260);
        expect(await store.get('window')).toBeUndefined();
        expect(await store.increment('window', 1, { ttlMs: 300 })).toBe(1);
        await store.set('kept', '5');
        expect(await store.increment('kept', 1, { ttlMs: 30 })).toBe(6);
        await sleep(80);
        expect(await store.get('kept')).toBe('6');
      }));

    it('delivers published messages to every subscriber of the channel, in order', () =>
      withStore(async (store) => {
        const first = await listen(store, 'news');
        const second = await listen(store, 'news');
        const other = await listen(store, 'other');
        const messages = Array.from({ length: 30 }, (_, i) => `m${i}`);
        for (const message of messages) await store.publish('news', message);
        expect(await first.settled()).toEqual(messages);
        expect(await second.settled()).toEqual(messages);
        expect(await other.settled()).toEqual([]);
      }));

    it('keeps order when publishes are not awaited one by one', () =>
      withStore(async (store) => {
        const sub = await listen(store, 'burst');
        const messages = Array.from({ length: 100 }, (_, i) => `m${i}`);
        await Promise.all(messages.map((message) => store.publish('burst', message)));
        expect(await sub.settled()).toEqual(messages);
      }));

    it('stops delivering after unsubscribe; unsubscribing twice is harmless', () =>
      withStore(async (store) => {
        const gone = await listen(store, 'c');
        const stays = await listen(store, 'c');
        await store.publish('c', 'one');
        await stays.settled();
        await gone.stop();
        await gone.stop();
        await store.publish('c', 'two');
        expect(await stays.settled()).toEqual(['one', 'two']);
        expect(gone.heard.filter((message) => !message.startsWith('\u0000'))).toEqual(['one']);
      }));

    it('keeps hearing a channel after the last subscriber left and a new one came', () =>
      withStore(async (store) => {
        const first = await listen(store, 'again');
        await first.stop();
        const second = await listen(store, 'again');
        await store.publish('again', 'hello');
        expect(await second.settled()).toEqual(['hello']);
      }));

    it('treats each subscription of the same listener on its own', () =>
      withStore(async (store) => {
        const heard: string[] = [];
        const listener = (message: string) => heard.push(message);
        const first = await store.subscribe('same', listener);
        await store.subscribe('same', listener);
        const marker = await listen(store, 'same');
        await store.publish('same', 'x');
        await marker.settled();
        expect(heard.filter((message) => message === 'x')).toEqual(['x', 'x']);
        await first();
        await store.publish('same', 'y');
        await marker.settled();
        expect(heard.filter((message) => message === 'y')).toEqual(['y']);
      }));

    it('keeps delivering to others when a listener throws', () =>
      withStore(async (store) => {
        await store.subscribe('t', () => {
          throw new Error('listener failure');
        });
        const sub = await listen(store, 't');
        await store.publish('t', 'a');
        await store.publish('t', 'b');
        expect(await sub.settled()).toEqual(['a', 'b']);
      }));

    it('publishing to a channel nobody hears is fine', () =>
      withStore(async (store) => {
        await expect(store.publish('nobody', 'x')).resolves.toBeUndefined();
      }));

    it('ends subscriptions on close and drops later publishes without throwing', async () => {
      const store = await options.create();
      const heard: string[] = [];
      await store.subscribe('closing', (message) => heard.push(message));
      await store.close();
      await expect(store.publish('closing', 'late')).resolves.toBeUndefined();
      await sleep(30);
      expect(heard).toEqual([]);
    });

    const { peer } = options;
    if (peer) {
      it('shares values, counters and TTLs across instances', () =>
        withStore(async (store) => {
          const other = await peer(store);
          try {
            await store.set('shared', 'from-a');
            expect(await other.get('shared')).toBe('from-a');
            expect(await other.set('shared', 'from-b', { ifAbsent: true })).toBe(false);
            await Promise.all([
              ...Array.from({ length: 50 }, () => store.increment('both')),
              ...Array.from({ length: 50 }, () => other.increment('both')),
            ]);
            expect(await store.get('both')).toBe('100');
            await other.set('brief', 'v', { ttlMs: 30 });
            await sleep(100);
            expect(await store.get('brief')).toBeUndefined();
            expect(await other.delete('shared')).toBe(true);
            expect(await store.get('shared')).toBeUndefined();
          } finally {
            await other.close();
          }
        }));

      it('delivers pub/sub messages across instances, in order', () =>
        withStore(async (store) => {
          const other = await peer(store);
          try {
            const there = await listen(other, 'cross');
            const here = await listen(store, 'cross');
            const messages = Array.from({ length: 20 }, (_, i) => `m${i}`);
            for (const message of messages) await store.publish('cross', message);
            expect(await there.settled(store)).toEqual(messages);
            expect(await here.settled(store)).toEqual(messages);
            await there.stop();
            await store.publish('cross', 'after');
            expect(await here.settled(store)).toEqual([...messages, 'after']);
            expect(there.heard.filter((message) => !message.startsWith('\u0000'))).toEqual(messages);
          } finally {
            await other.close();
          }
        }));

      it('closing one instance leaves the other working', () =>
        withStore(async (store) => {
          const other = await peer(store);
          await other.close();
          await store.set('alive', 'yes');
          expect(await store.get('alive')).toBe('yes');
          const sub = await listen(store, 'still');
          await store.publish('still', 'x');
          expect(await sub.settled()).toEqual(['x']);
        }));
    }
  });
};
