import { describe, expect, it } from 'vitest';
import { traceMetaOf } from './format-traceparent.js';
import { parseTraceparent } from './traceparent.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads a valid traceparent and tracestate, and writes them back the same', () => {
    const parsed = parseTraceparent(`00-${TRACE}-${SPAN}-01`, 'a=1,b=2');
    expect(parsed).toMatchObject({ traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
    expect(parsed && traceMetaOf(parsed)).toEqual({ traceparent: `00-${TRACE}-${SPAN}-01`, tracestate: 'a=1,b=2' });
  });

  it('accepts a future version with extra fields, keeping only the known ones', () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-00-later`, undefined)).toMatchObject({ traceFlags: 0 });
  });

  it.each([
    [undefined],
    [42],
    [''],
    [`00-${TRACE.toUpperCase()}-${SPAN}-01`],
    [`00-${TRACE}-${SPAN}-01-extra`],
    [`ff-${TRACE}-${SPAN}-01`],
    [`00-${'0'.repeat(32)}-${SPAN}-01`],
    [`00-${TRACE}-${'0'.repeat(16)}-01`],
    [`00-${TRACE}-${SPAN}`],
    ['x'.repeat(10_000)],
  ])('refuses %j', (value) => {
    expect(parseTraceparent(value, undefined)).toBeUndefined();
  });

  it('drops an oversized tracestate but keeps the parent', () => {
    const parsed = parseTraceparent(`00-${TRACE}-${SPAN}-01`, `a=${'x'.repeat(600)}`);
    expect(parsed?.traceState).toBeUndefined();
    expect(parsed?.traceId).toBe(TRACE);
  });
});
