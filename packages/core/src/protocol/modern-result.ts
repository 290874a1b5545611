import type { Implementation } from './types.js';

/** Caching hints of a cacheable 2026-07-28 result. */
export interface CacheHints {
  /** Freshness in milliseconds, an integer ≥ 0 (0 = stale at once). */
  readonly ttlMs: number;
  /** `public`: no user-specific data, shared caches may serve it; `private`: reuse only in the same authorization context. */
  readonly cacheScope: 'public' | 'private';
}

/**
 * The hints mcpkit sends when nothing more specific is configured: stale at
 * once and private, so no client or shared cache ever serves a result longer
 * or wider than before the hints existed.
 */
export const DEFAULT_CACHE_HINTS: CacheHints = Object.freeze({ ttlMs: 0, cacheScope: 'private' });

/** The methods whose complete results must carry {@link CacheHints} (2026-07-28 caching). */
export const CACHEABLE_METHODS: ReadonlySet<string> = new Set([
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
]);

/** The `_meta` key naming the server in every modern result. */
export const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo';

/** Options of {@link toModernResult}. */
export interface ModernResultOptions {
  /** Stamped into `_meta` unless undefined (the spec lets a server be configured not to). */
  readonly serverInfo?: Implementation;
  /** Hints for cacheable methods, unless the result already carries its own (default {@link DEFAULT_CACHE_HINTS}). */
  readonly cache?: CacheHints;
}

/**
 * Shapes a handler's result for the 2026-07-28 wire: `resultType` (`complete`
 * unless the result says otherwise), cache hints on complete results of
 * cacheable methods (never on `input_required`), and the server's identity in
 * `_meta`. Fields the result already has win. Returns a new object.
 */
export const toModernResult = (
  method: string,
  result: Readonly<Record<string, unknown>>,
  options: ModernResultOptions = {},
): Record<string, unknown> => {
  const resultType = typeof result.resultType === 'string' ? result.resultType : 'complete';
  const shaped: Record<string, unknown> = { ...result, resultType };
  if (resultType === 'complete' && CACHEABLE_METHODS.has(method)) {
    const hints = options.cache ?? DEFAULT_CACHE_HINTS;
    if (typeof shaped.ttlMs !== 'number') shaped.ttlMs = hints.ttlMs;
    if (shaped.cacheScope !== 'public' && shaped.cacheScope !== 'private') shaped.cacheScope = hints.cacheScope;
  }
  if (options.serverInfo) {
    const meta =
      typeof result._meta === 'object' && result._meta !== null ? (result._meta as Record<string, unknown>) : {};
    shaped._meta = { ...meta, [SERVER_INFO_META_KEY]: options.serverInfo };
  }
  return shaped;
};
