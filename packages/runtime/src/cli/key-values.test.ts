import { describe, expect, it } from 'vitest';
import { parseKeyValues } from './key-values.js';
import { UsageError } from './usage-error.js';

describe('parseKeyValues', () => {
  const properties = {
    zip: { type: 'string' },
    count: { type: 'integer' },
    mode: { enum: ['a', 'b'] },
    flags: { type: 'array' },
  };

  it('keeps strings where the schema wants strings and reads JSON elsewhere', () => {
    expect(
      parseKeyValues(
        ['zip=01234', 'count=3', 'mode=a', 'flags=["x"]', 'free=true', 'text=hello world'],
        'call',
        properties,
      ),
    ).toEqual({ zip: '01234', count: 3, mode: 'a', flags: ['x'], free: true, text: 'hello world' });
  });

  it('reads := as JSON whatever the schema, and keeps = in values', () => {
    expect(parseKeyValues(['zip:=1', 'q=a=b'], 'call', properties)).toEqual({ zip: 1, q: 'a=b' });
  });

  it('keeps every value a string without a schema (prompt arguments)', () => {
    expect(parseKeyValues(['n=1', 'b=true'], 'call')).toEqual({ n: '1', b: 'true' });
  });

  it('rejects a pair without = and := that is not JSON', () => {
    expect(() => parseKeyValues(['oops'], 'call')).toThrow(UsageError);
    expect(() => parseKeyValues(['a:={'], 'call')).toThrow(/a:= needs JSON/);
  });
});
