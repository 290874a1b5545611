import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './line-splitter.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Splits `chunks` and returns the lines and how many times the cap was hit. */
const split = (chunks: readonly (Uint8Array | string)[], maxLineBytes?: number) => {
  const lines: string[] = [];
  let oversized = 0;
  const splitter = createLineSplitter((line) => lines.push(line), {
    maxLineBytes,
    onOversized: () => oversized++,
  });
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return { lines, oversized };
};

describe('createLineSplitter', () => {
  it('splits LF and CRLF lines, skips blank ones and emits a last unterminated line at the end', () => {
    expect(split(['a\r\nb\n\n  \r\n', 'c\nd']).lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins a line spread over chunks, a multi-byte character cut between them included', () => {
    const all = bytes('{"t":"é€😀"}\nnext\n');
    const chunks = Array.from(all, (_, i) => all.subarray(i, i + 1));
    expect(split(chunks).lines).toEqual(['{"t":"é€😀"}', 'next']);
  });

  it('searches each byte for a newline once, however long the line (linear time)', () => {
    let scanned = 0;
    class CountingBytes extends Uint8Array {
      override indexOf(value: number, from = 0): number {
        const found = super.indexOf(value, from);
        scanned += (found === -1 ? this.length : found + 1) - from;
        return found;
      }
    }
    const chunk = new CountingBytes(64 * 1024).fill(0x61);
    const count = 256; // one 16 MiB line
    const chunks = Array.from({ length: count }, () => chunk);
    const { lines } = split([...chunks, new CountingBytes(bytes('\n'))]);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBe(count * chunk.length);
    expect(scanned).toBe(count * chunk.length + 1);
  });

  it('reports a line over maxLineBytes once, drops it up to its newline, and goes on with the next', () => {
    const long = 'x'.repeat(100);
    const { lines, oversized } = split(['ok\n', long.slice(0, 60), long.slice(60), long, '\nafter\n', `${long}\n`], 50);
    expect(lines).toEqual(['ok', 'after']);
    expect(oversized).toBe(2);
  });

  it('applies the cap to each line of a chunk holding many', () => {
    expect(split([`a\n${'x'.repeat(100)}\nb\r\nc\n`], 50)).toEqual({ lines: ['a', 'b', 'c'], oversized: 1 });
  });

  it('counts the cap in bytes, not characters', () => {
    expect(split(['éééé\n'], 8).lines).toEqual(['éééé']);
    expect(split(['ééééé\n'], 8)).toEqual({ lines: [], oversized: 1 });
  });

  it('never emits an oversized unterminated line at the end', () => {
    expect(split(['x'.repeat(20)], 10)).toEqual({ lines: [], oversized: 1 });
  });
});
