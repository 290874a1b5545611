import { describe, expect, it } from 'vitest';
import { clipInput, MAX_QUOTED_CHARS, quoteInput } from './quote-input.js';

describe('clipInput / quoteInput', () => {
  it('keeps short input as is', () => {
    expect(clipInput('add')).toBe('add');
    expect(quoteInput('add')).toBe('"add"');
    expect(quoteInput(42)).toBe('42');
    expect(quoteInput(undefined)).toBe('undefined');
  });

  it('cuts long input, saying how much was left out', () => {
    const long = 'x'.repeat(4 * 1024 * 1024);
    expect(clipInput(long)).toBe(
      `${'x'.repeat(MAX_QUOTED_CHARS)}… (${long.length - MAX_QUOTED_CHARS} more characters)`,
    );
    expect(quoteInput(long).length).toBeLessThan(MAX_QUOTED_CHARS + 40);
    expect(quoteInput({ a: long }).length).toBeLessThan(MAX_QUOTED_CHARS + 40);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    const text = `${'x'.repeat(MAX_QUOTED_CHARS - 1)}😀${'y'.repeat(10)}`;
    expect(clipInput(text).startsWith(`${'x'.repeat(MAX_QUOTED_CHARS - 1)}…`)).toBe(true);
  });
});
