import { describe, expect, it } from 'vitest';
import { exceedsJsonValues } from './json-values.js';

const over = (text: string, max: number) => exceedsJsonValues(new TextEncoder().encode(text), max);

describe('exceedsJsonValues', () => {
  it('counts containers and commas outside strings, plus the top level', () => {
    // 1 + '{' + ',' = 3 for an object of two members.
    expect(over('{"a":1,"b":2}', 3)).toBe(false);
    expect(over('{"a":1,"b":2}', 2)).toBe(true);
    expect(over('[{},{},{}]', 7)).toBe(false);
    expect(over('[{},{},{}]', 6)).toBe(true);
    expect(over('42', 1)).toBe(false);
  });

  it('skips strings, escaped quotes and backslash runs included', () => {
    expect(over('["{[,{[,", "a\\",[{", "\\\\"]', 4)).toBe(false);
    expect(over('["\\\\", [1,2]]', 4)).toBe(true);
    expect(over(`{"text":"${',{['.repeat(100_000)}"}`, 2)).toBe(false);
  });

  it('leaves unterminated strings and other malformed text to JSON.parse', () => {
    expect(over('["abc', 2)).toBe(false);
    expect(over('[1,2,"x', 3)).toBe(true);
  });

  it('refuses 1.4 million empty objects in 4 MiB', () => {
    expect(over(`[${'{},'.repeat(1_400_000)}{}]`, 100_000)).toBe(true);
  });
});
