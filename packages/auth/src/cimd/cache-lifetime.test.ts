import { describe, expect, test } from 'vitest';
import { cacheLifetime } from './cache-lifetime.js';

const h = (init: Record<string, string>) => new Headers(init);

describe('cacheLifetime', () => {
  test('max-age wins, capped at the maximum', () => {
    expect(cacheLifetime(h({ 'cache-control': 'public, max-age=600' }), 300, 3600)).toBe(600);
    expect(cacheLifetime(h({ 'cache-control': 'max-age=999999' }), 300, 3600)).toBe(3600);
  });
  test('no-store and no-cache mean no caching', () => {
    expect(cacheLifetime(h({ 'cache-control': 'no-store' }), 300, 3600)).toBe(0);
    expect(cacheLifetime(h({ 'cache-control': 'max-age=60, no-cache' }), 300, 3600)).toBe(0);
  });
  test('Expires is read when there is no max-age; a bad date means no caching', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(cacheLifetime(h({ expires: 'Thu, 01 Jan 2026 00:02:00 GMT' }), 300, 3600, now)).toBe(120);
    expect(cacheLifetime(h({ expires: 'soon' }), 300, 3600, now)).toBe(0);
  });
  test('without headers the fallback is used', () => {
    expect(cacheLifetime(h({}), 300, 3600)).toBe(300);
  });
});
