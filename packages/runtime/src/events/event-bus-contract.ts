import { describe, expect, it, vi } from 'vitest';
import type { BusEvent, EventBus, EventFilter } from './event-bus.js';

/** How the contract builds the driver under test. */
export interface EventBusContractOptions {
  /** A fresh bus, with nothing subscribed. */
  readonly create: () => EventBus | Promise<EventBus>;
  /**
   * A second bus on the same backend as `bus` (another server instance), for
   * shared drivers; leave it out for in-process ones.
   */
  readonly peer?: (bus: EventBus) => EventBus | Promise<EventBus>;
}

const tools: BusEvent = { type: 'list_changed', kind: 'tools' };
const prompts: BusEvent = { type: 'list_changed', kind: 'prompts' };
const resources: BusEvent = { type: 'list_changed', kind: 'resources' };
const updated = (uri: string): BusEvent => ({ type: 'resource_updated', uri });
/**
 * Markers are published last, under this URI (each one a fresh sub-resource):
 * once a subscriber has its marker, every earlier event it would hear has
 * arrived (one publisher keeps its order).
 */
const DONE_URI = 'contract://done';
const isMarker = (event: BusEvent) => event.type === 'resource_updated' && event.uri.startsWith(DONE_URI);
let markers = 0;

/** Subscribes with `filter` plus the DONE marker, and collects what arrives. */
const listen = async (bus: EventBus, filter: EventFilter) => {
  const heard: BusEvent[] = [];
  const uris = filter.uris === 'all' ? 'all' : [...(filter.uris ?? []), DONE_URI];
  const stop = await bus.subscribe({ ...filter, uris }, (event) => heard.push(event));
  const settled = async (from: EventBus = bus) => {
    // A fresh marker each time: waiting for one already heard would wait for nothing.
    markers += 1;
    const marker = updated(`${DONE_URI}/${markers}`);
    await from.publish(marker);
    await vi.waitFor(() => expect(heard).toContainEqual(marker));
    return heard.filter((event) => !isMarker(event));
  };
  return { heard, stop, settled };
};

/**
 * The behaviour every {@link EventBus} driver must have, as a vitest suite
 * (call it from the driver's test file): filtering by list kind and resource
 * URI (sub-resources included), unsubscribe, isolation of a throwing
 * listener, publish order, close, and delivery across instances when the
 * driver is shared (`peer`).
 */
export const eventBusContract = (name: string, options: EventBusContractOptions): void => {
  describe(`EventBus contract: ${name}`, () => {
    const withBus = async (test: (bus: EventBus) => Promise<void>) => {
      const bus = await options.create();
      try {
        await test(bus);
      } finally {
        await bus.close();
      }
    };

    it('delivers list changes by kind', () =>
      withBus(async (bus) => {
        const all = await listen(bus, { lists: 'all' });
        const onlyTools = await listen(bus, { lists: ['tools'] });
        const none = await listen(bus, {});
        for (const event of [tools, prompts, resources, updated('file:///a')]) await bus.publish(event);
        expect(await all.settled()).toEqual([tools, prompts, resources]);
        expect(await onlyTools.settled()).toEqual([tools]);
        expect(await none.settled()).toEqual([]);
      }));

    it('delivers resource updates by URI, sub-resources included', () =>
      withBus(async (bus) => {
        const one = await listen(bus, { uris: ['file:///dir'] });
        const all = await listen(bus, { uris: 'all' });
        const events = [
          'file:///dir',
          'file:///dir/a.txt',
          'file:///dir?v=2',
          'file:///directory',
          'file:///di',
          'file:///other',
        ];
        for (const uri of events) await bus.publish(updated(uri));
        await bus.publish(tools);
        expect(await one.settled()).toEqual([
          updated('file:///dir'),
          updated('file:///dir/a.txt'),
          updated('file:///dir?v=2'),
        ]);
        expect(await all.settled()).toEqual(events.map(updated));
      }));

    it('keeps publish order for a subscriber', () =>
      withBus(async (bus) => {
        const sub = await listen(bus, { lists: 'all', uris: 'all' });
        const sequence = Array.from({ length: 20 }, (_, i) =>
          i % 3 === 0 ? updated(`test://r/${i}`) : i % 3 === 1 ? tools : prompts,
        );
        for (const event of sequence) await bus.publish(event);
        expect(await sub.settled()).toEqual(sequence);
      }));

    it('stops delivering after unsubscribe, and unsubscribing twice is harmless', () =>
      withBus(async (bus) => {
        const gone = await listen(bus, { lists: 'all' });
        const stays = await listen(bus, { lists: 'all' });
        await bus.publish(tools);
        // A shared driver delivers after publish resolves: `gone` hears what came before it leaves.
        expect(await gone.settled()).toEqual([tools]);
        gone.stop();
        gone.stop();
        await bus.publish(prompts);
        expect(await stays.settled()).toEqual([tools, prompts]);
        expect(gone.heard.filter((event) => !isMarker(event))).toEqual([tools]);
      }));

    it('keeps delivering to others when a listener throws', () =>
      withBus(async (bus) => {
        await bus.subscribe({ lists: 'all' }, () => {
          throw new Error('listener failure');
        });
        const sub = await listen(bus, { lists: 'all' });
        await bus.publish(tools);
        await bus.publish(prompts);
        expect(await sub.settled()).toEqual([tools, prompts]);
      }));

    it('treats each subscription of the same listener on its own', () =>
      withBus(async (bus) => {
        const heard: BusEvent[] = [];
        const listener = (event: BusEvent) => heard.push(event);
        const first = await bus.subscribe({ lists: ['tools'] }, listener);
        await bus.subscribe({ lists: ['tools'] }, listener);
        const marker = await listen(bus, { lists: ['tools'] });
        await bus.publish(tools);
        await marker.settled();
        expect(heard).toEqual([tools, tools]);
        first();
        await bus.publish(tools);
        await marker.settled();
        expect(heard).toEqual([tools, tools, tools]);
      }));

    it('drops publishes after close without throwing', async () => {
      const bus = await options.create();
      const heard: BusEvent[] = [];
      await bus.subscribe({ lists: 'all' }, (event) => heard.push(event));
      await bus.close();
      await expect(bus.publish(tools)).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toEqual([]);
    });

    const { peer } = options;
    if (peer) {
      it('delivers across instances sharing the backend', () =>
        withBus(async (bus) => {
          const other = await peer(bus);
          try {
            const sub = await listen(other, { lists: ['prompts'], uris: ['test://x'] });
            await bus.publish(tools);
            await bus.publish(prompts);
            await bus.publish(updated('test://x'));
            expect(await sub.settled(bus)).toEqual([prompts, updated('test://x')]);
          } finally {
            await other.close();
          }
        }));
    }
  });
};
