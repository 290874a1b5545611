import { type CacheHints, DEFAULT_CACHE_HINTS, SERVER_INFO_META_KEY } from './modern-result.js';
import type { Implementation, ServerCapabilities } from './types.js';

/** What `server/discover` answers with. */
export interface DiscoverInput {
  readonly serverInfo: Implementation;
  readonly capabilities: ServerCapabilities;
  /** Every served revision, newest first (modern and legacy). */
  readonly supportedVersions: readonly string[];
  readonly instructions?: string;
  readonly cache?: CacheHints;
}

/**
 * The `server/discover` result (2026-07-28): supported versions, capabilities,
 * optional instructions, the server's identity in `_meta`, and cache hints
 * (it is a cacheable result).
 */
export const discoverResult = (input: DiscoverInput) => {
  const cache = input.cache ?? DEFAULT_CACHE_HINTS;
  return {
    resultType: 'complete' as const,
    supportedVersions: [...input.supportedVersions],
    capabilities: input.capabilities,
    ...(input.instructions === undefined ? {} : { instructions: input.instructions }),
    _meta: { [SERVER_INFO_META_KEY]: input.serverInfo },
    ttlMs: cache.ttlMs,
    cacheScope: cache.cacheScope,
  };
};
