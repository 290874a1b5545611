import { describe, expect, it } from 'vitest';
import { estimateBytes, limitOptionsOf } from './session-limits.js';

describe('estimateBytes', () => {
  it('weighs objects by their structure, not their JSON length', () => {
    const objects = Array.from({ length: 1000 }, () => ({}));
    const text = 'x'.repeat(JSON.stringify(objects).length);
    // 3 KB of JSON either way, but a thousand objects cost far more heap than one string.
    expect(estimateBytes(objects, Number.POSITIVE_INFINITY)).toBeGreaterThan(10 * estimateBytes(text, Infinity));
  });

  it('counts keys and string lengths', () => {
    expect(estimateBytes({ name: 'abc' }, Number.POSITIVE_INFINITY)).toBe(16 + 32 + 16 + 4 + 16 + 3);
  });

  it('stops walking soon after passing the limit', () => {
    const huge = Array.from({ length: 200_000 }, () => ({ a: {} }));
    const estimate = estimateBytes(huge, 1000);
    expect(estimate).toBeGreaterThan(1000);
    // The whole walk would be ~28 MB; it stopped within a few entries of the limit.
    expect(estimate).toBeLessThan(200_000 * 16);
  });
});

describe('limitOptionsOf', () => {
  it('keeps only the limit options', () => {
    expect(limitOptionsOf({ maxSubscriptions: 3, lifespan: () => {} } as never)).toEqual({
      maxHelloBytes: undefined,
      maxTotalHelloBytes: undefined,
      maxSubscriptions: 3,
      maxSubscriptionUriLength: undefined,
    });
  });
});
