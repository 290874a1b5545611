import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Session } from '../session/types.js';
import { createSessionTable, type SessionEntry, type SessionTable } from './session-table.js';
import type { Streams } from './streams.js';

const closed: string[] = [];

/** An entry whose session, like a real one, leaves `table` when it closes. */
const entry = (id: string, owner?: string, streaming = false, table?: SessionTable): SessionEntry => ({
  id,
  owner,
  session: {
    close: () => {
      closed.push(id);
      table?.remove(id);
    },
  } as unknown as Session,
  streams: () => ({}) as Streams,
  streaming: () => streaming,
  busy: 0,
  usedAt: Date.now(),
});

beforeEach(() => {
  closed.length = 0;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSessionTable', () => {
  test('holds entries by id; get marks one used, peek does not; remove forgets it', () => {
    const table = createSessionTable(1_000, 10);
    const a = entry('a');
    table.add(a);
    expect(table.size()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(table.peek('a')?.usedAt).toBe(a.usedAt);
    const before = a.usedAt;
    expect(table.get('a')).toBe(a);
    expect(a.usedAt).toBeGreaterThan(before);
    expect(table.get('missing')).toBeUndefined();
    table.remove('a');
    expect(table.peek('a')).toBeUndefined();
    expect(table.size()).toBe(0);
  });

  test('is full at maxSessions, and an owner at its own share', () => {
    const table = createSessionTable(Number.POSITIVE_INFINITY, 3, 2);
    table.add(entry('a', 'alice'));
    expect(table.fullFor('alice')).toBe(false);
    table.add(entry('b', 'alice'));
    expect(table.fullFor('alice')).toBe(true);
    expect(table.fullFor('bob')).toBe(false);
    // Without auth there is no owner, and no share to count.
    expect(table.fullFor(undefined)).toBe(false);
    expect(table.full()).toBe(false);
    table.add(entry('c'));
    expect(table.full()).toBe(true);
    table.remove('a');
    expect(table.fullFor('alice')).toBe(false);
    expect(table.full()).toBe(false);
  });

  test('the sweep closes a session idle past the TTL and tells the hook; a busy or streaming one is kept', () => {
    const evicted: string[] = [];
    const kept: string[] = [];
    const table = createSessionTable(1_000, 10, undefined, {
      evicted: (e) => void evicted.push(e.id),
      kept: (e) => void kept.push(e.id),
    });
    const idle = entry('idle', undefined, false, table);
    const busy = entry('busy', undefined, false, table);
    busy.busy = 1;
    const streaming = entry('streaming', undefined, true, table);
    table.add(idle);
    table.add(busy);
    table.add(streaming);
    vi.advanceTimersByTime(500);
    expect(closed).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(closed).toEqual(['idle']);
    expect(evicted).toEqual(['idle']);
    expect(table.peek('idle')).toBeUndefined();
    expect(table.size()).toBe(2);
    expect(kept).toContain('busy');
    expect(kept).toContain('streaming');
    expect(kept).not.toContain('idle');
  });

  test('a session used within the TTL is not closed', () => {
    const table = createSessionTable(1_000, 10);
    table.add(entry('a'));
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(400);
      table.get('a');
    }
    expect(closed).toEqual([]);
  });

  test('without a finite TTL nothing is swept; closeAll closes every session', () => {
    const table = createSessionTable(Number.POSITIVE_INFINITY, 10);
    table.add(entry('a'));
    table.add(entry('b'));
    vi.advanceTimersByTime(10 * 60_000);
    expect(closed).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    table.closeAll();
    expect(closed.sort()).toEqual(['a', 'b']);
  });

  test('the sweep timer runs only while there are sessions', () => {
    const table = createSessionTable(1_000, 10);
    expect(vi.getTimerCount()).toBe(0);
    table.add(entry('a'));
    expect(vi.getTimerCount()).toBe(1);
    table.remove('a');
    expect(vi.getTimerCount()).toBe(0);
  });
});
