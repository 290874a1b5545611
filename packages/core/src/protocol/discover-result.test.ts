import { describe, expect, it } from 'vitest';
import { discoverResult } from './discover-result.js';

describe('discoverResult', () => {
  it('answers server/discover with versions, capabilities, identity and cache hints', () => {
    expect(
      discoverResult({
        serverInfo: { name: 's', version: '1' },
        capabilities: { tools: { listChanged: true } },
        supportedVersions: ['2026-07-28', '2025-11-25'],
        instructions: 'Use it well.',
        cache: { ttlMs: 3_600_000, cacheScope: 'public' },
      }),
    ).toEqual({
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2025-11-25'],
      capabilities: { tools: { listChanged: true } },
      instructions: 'Use it well.',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 's', version: '1' } },
      ttlMs: 3_600_000,
      cacheScope: 'public',
    });
  });

  it('leaves instructions out when there are none and defaults the hints', () => {
    const result = discoverResult({
      serverInfo: { name: 's', version: '1' },
      capabilities: {},
      supportedVersions: ['2026-07-28'],
    });
    expect(result).not.toHaveProperty('instructions');
    expect(result).toMatchObject({ ttlMs: 0, cacheScope: 'private' });
  });
});
