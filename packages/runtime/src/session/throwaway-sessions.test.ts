import { describe, expect, test } from 'vitest';
import { createThrowawaySessions, type Placed } from './throwaway-sessions.js';

interface Item extends Placed {
  readonly name: string;
}
const item = (name: string): Item => ({ name, slot: -1 });

describe('createThrowawaySessions', () => {
  test('keeps what was added until it is removed, in any order', () => {
    const roster = createThrowawaySessions<Item>((x) => x);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(item) as [Item, Item, Item, Item];
    for (const x of [a, b, c, d]) roster.add(x);
    roster.remove(b);
    expect(
      roster
        .list()
        .map((x) => x.name)
        .sort(),
    ).toEqual(['a', 'c', 'd']);
    roster.remove(a);
    roster.remove(d);
    expect(roster.list().map((x) => x.name)).toEqual(['c']);
    expect(roster.list().length).toBe(1);
    roster.remove(c);
    expect(roster.list().length).toBe(0);
    expect([a, b, c, d].map((x) => x.slot)).toEqual([-1, -1, -1, -1]);
  });

  test('removing twice, or what was never added, changes nothing', () => {
    const roster = createThrowawaySessions<Item>((x) => x);
    const a = item('a');
    const b = item('b');
    roster.add(a);
    roster.add(b);
    roster.remove(a);
    roster.remove(a);
    roster.remove(item('stranger'));
    expect(roster.list()).toEqual([b]);
    expect(b.slot).toBe(0);
  });

  test('a list is a copy: removing while walking it skips nothing', () => {
    const roster = createThrowawaySessions<Item>((x) => x);
    const all = Array.from({ length: 5 }, (_, i) => item(String(i)));
    for (const x of all) roster.add(x);
    const seen: string[] = [];
    for (const x of roster.list()) {
      seen.push(x.name);
      roster.remove(x);
    }
    expect(seen.sort()).toEqual(['0', '1', '2', '3', '4']);
    expect(roster.list().length).toBe(0);
  });
});
