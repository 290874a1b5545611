import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';
import { mergeEntries } from './merge-entry.js';

describe('lineDiff', () => {
  it('marks added and removed lines and elides far unchanged ones', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'X', 'j'].join('\n');
    expect(lineDiff(before, after, 1)).toBe(['  ...', '  h', '- i', '+ X', '  j'].join('\n'));
    expect(lineDiff('', 'new\n')).toBe('+ new');
  });
});

describe('mergeEntries', () => {
  const options = { force: false, path: 'config.json' };
  it('adds the entry and keeps other keys and servers', () => {
    const text = JSON.stringify({ theme: 'dark', mcpServers: { a: { command: 'x' } } });
    const merged = mergeEntries(text, 'mcpServers', { b: { command: 'y' } }, options);
    expect(merged.changed).toBe(true);
    expect(JSON.parse(merged.after)).toEqual({
      theme: 'dark',
      mcpServers: { a: { command: 'x' }, b: { command: 'y' } },
    });
  });

  it('creates the file content from nothing and reports an identical entry as unchanged', () => {
    const merged = mergeEntries(undefined, 'servers', { a: { url: 'u' } }, options);
    expect(JSON.parse(merged.after)).toEqual({ servers: { a: { url: 'u' } } });
    expect(mergeEntries(merged.after, 'servers', { a: { url: 'u' } }, options).changed).toBe(false);
  });

  it('refuses to replace a different entry without force, and non-object configs', () => {
    const text = JSON.stringify({ mcpServers: { a: { command: 'x' } } });
    expect(() => mergeEntries(text, 'mcpServers', { a: { command: 'y' } }, options)).toThrow(/--force/);
    expect(
      JSON.parse(mergeEntries(text, 'mcpServers', { a: { command: 'y' } }, { ...options, force: true }).after),
    ).toEqual({ mcpServers: { a: { command: 'y' } } });
    expect(() => mergeEntries('[]', 'mcpServers', {}, options)).toThrow(/not a JSON object/);
    expect(() => mergeEntries('{"mcpServers": 3}', 'mcpServers', {}, options)).toThrow(/is not an object/);
  });
});
