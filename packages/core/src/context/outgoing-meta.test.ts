import { describe, expect, it } from 'vitest';
import { OUTGOING_META, outgoingMeta } from '../index.js';

describe('outgoingMeta', () => {
  it('reads entries left as an object or as a function, and nothing else', () => {
    const of = (value: unknown) => outgoingMeta({ state: new Map([[OUTGOING_META, value]]) });
    expect(of({ traceparent: 'x' })).toEqual({ traceparent: 'x' });
    expect(of(() => ({ traceparent: 'y' }))).toEqual({ traceparent: 'y' });
    expect(of('junk')).toBeUndefined();
    expect(of(() => 42)).toBeUndefined();
    expect(of([1])).toBeUndefined();
    expect(outgoingMeta({ state: new Map() })).toBeUndefined();
    expect(outgoingMeta(undefined)).toBeUndefined();
  });
});
