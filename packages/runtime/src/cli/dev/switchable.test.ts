import { createServer, createTestContext, type ListKind, mount, tool } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { switchable } from './switchable.js';

const serverWith = (word: string) =>
  createServer({ name: word, version: '1' }, [tool({ name: 'word', run: () => word })]);

const text = (result: { content: readonly unknown[] }) => (result.content[0] as { text: string }).text;

describe('switchable', () => {
  it('forwards to the current implementation, tells listeners every list changed on swap, and closes the old one', async () => {
    let closed = 0;
    const first = { ...serverWith('one'), close: async () => void closed++ };
    const current = switchable(first);
    const host = createServer({ name: 'host', version: '1' }, [mount(current.provider)]);
    const heard: ListKind[] = [];
    const stop = host.onListChanged((kind) => heard.push(kind));
    expect(text(await host.callTool('word', {}, createTestContext()))).toBe('one');

    await current.swap(serverWith('two'));
    expect(new Set(heard)).toEqual(new Set(['tools', 'resources', 'prompts']));
    expect(closed).toBe(1);
    expect(text(await host.callTool('word', {}, createTestContext()))).toBe('two');
    expect((await host.listTools()).map((t) => t.name)).toEqual(['word']);
    stop();
  });

  it('relays the current implementation’s own list changes, and no longer the replaced one’s', async () => {
    const listeners: ((kind: ListKind) => void)[] = [];
    const inner = (word: string) => ({
      ...serverWith(word),
      onListChanged: (listener: (kind: ListKind) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
    const current = switchable(inner('a'));
    const heard: ListKind[] = [];
    current.provider.onListChanged?.((kind) => heard.push(kind));
    listeners[0]?.('tools');
    expect(heard).toEqual(['tools']);
    await current.swap(serverWith('b'));
    heard.length = 0;
    expect(listeners).toHaveLength(0);
  });
});
