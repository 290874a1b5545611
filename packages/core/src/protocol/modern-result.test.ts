import { describe, expect, it } from 'vitest';
import { CACHEABLE_METHODS, DEFAULT_CACHE_HINTS, toModernResult } from './modern-result.js';

const serverInfo = { name: 's', version: '1' };

describe('toModernResult', () => {
  it('adds resultType, default cache hints on cacheable methods, and serverInfo', () => {
    expect(toModernResult('tools/list', { tools: [] }, { serverInfo })).toEqual({
      tools: [],
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo },
    });
  });

  it('uses configured hints, but hints the result carries win', () => {
    const cache = { ttlMs: 300_000, cacheScope: 'public' } as const;
    expect(toModernResult('prompts/list', { prompts: [] }, { cache })).toMatchObject(cache);
    expect(
      toModernResult(
        'resources/read',
        { contents: [], ttlMs: 5, cacheScope: 'public' },
        { cache: DEFAULT_CACHE_HINTS },
      ),
    ).toMatchObject({
      ttlMs: 5,
      cacheScope: 'public',
    });
    expect(toModernResult('resources/read', { contents: [], cacheScope: 'everyone' })).toMatchObject({
      cacheScope: 'private',
    });
  });

  it('puts no hints on other methods or on input_required results', () => {
    expect(toModernResult('tools/call', { content: [] })).toEqual({ content: [], resultType: 'complete' });
    expect(toModernResult('resources/read', { resultType: 'input_required', requestState: 's' })).toEqual({
      resultType: 'input_required',
      requestState: 's',
    });
  });

  it('keeps the result own _meta and leaves the input untouched', () => {
    const result = Object.freeze({ content: [], _meta: Object.freeze({ 'com.example/x': 1 }) });
    expect(toModernResult('tools/call', result, { serverInfo })._meta).toEqual({
      'com.example/x': 1,
      'io.modelcontextprotocol/serverInfo': serverInfo,
    });
    expect(result).toEqual({ content: [], _meta: { 'com.example/x': 1 } });
  });

  it('lists the six cacheable methods', () => {
    expect([...CACHEABLE_METHODS].sort()).toEqual(
      [
        'prompts/list',
        'resources/list',
        'resources/read',
        'resources/templates/list',
        'server/discover',
        'tools/list',
      ].sort(),
    );
  });
});
