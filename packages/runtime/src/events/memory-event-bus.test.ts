import { describe, expect, it } from 'vitest';
import { eventBusContract } from './event-bus-contract.js';
import { coversUri } from './event-filter.js';
import { createMemoryEventBus } from './memory-event-bus.js';

eventBusContract('memory', { create: () => createMemoryEventBus() });

describe('createMemoryEventBus', () => {
  it('reports a throwing listener to onListenerError', async () => {
    const errors: unknown[] = [];
    const bus = createMemoryEventBus({ onListenerError: (error) => errors.push(error) });
    const failure = new Error('boom');
    await bus.subscribe({ lists: 'all' }, () => {
      throw failure;
    });
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    expect(errors).toEqual([failure]);
  });

  it('delivers before publish resolves, and lets a listener unsubscribe another mid-delivery', async () => {
    const bus = createMemoryEventBus();
    const heard: string[] = [];
    let second = () => {};
    await bus.subscribe({ lists: 'all' }, () => {
      heard.push('first');
      second();
    });
    second = await bus.subscribe({ lists: 'all' }, () => heard.push('second'));
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    expect(heard).toEqual(['first']);
  });

  it('ignores subscriptions made after close', async () => {
    const bus = createMemoryEventBus();
    await bus.close();
    const heard: unknown[] = [];
    const stop = await bus.subscribe({ lists: 'all' }, (event) => heard.push(event));
    await bus.publish({ type: 'list_changed', kind: 'tools' });
    stop();
    expect(heard).toEqual([]);
  });
});

describe('coversUri', () => {
  it.each([
    ['file:///a', 'file:///a', true],
    ['file:///a', 'file:///a/b', true],
    ['file:///a/', 'file:///a/b', true],
    ['file:///a', 'file:///a#x', true],
    ['file:///a', 'file:///ab', false],
    ['file:///a/b', 'file:///a', false],
  ])('%s covers %s: %s', (subscribed, uri, expected) => {
    expect(coversUri(subscribed, uri)).toBe(expected);
  });
});
