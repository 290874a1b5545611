import { ErrorCode } from '../errors/codes.js';
import type { RequestResult } from '../middleware/middleware.js';
import { META } from '../protocol/modern.js';
import type { Implementation, JsonRpcFailure } from '../protocol/types.js';

/** Who may cache a result: any cache (`public`), or only caches of the same authorization context (`private`). */
export type CacheScope = 'public' | 'private';

/** Freshness hints of a cacheable result on the modern era. */
export interface CacheHint {
  /** How long the result may be considered fresh, in milliseconds (a non-negative integer). */
  readonly ttlMs?: number;
  readonly cacheScope?: CacheScope;
}

/** The methods whose modern results carry cache hints. */
export const CACHEABLE_METHODS = [
  'server/discover',
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
] as const;

/** A method whose modern result carries `ttlMs` and `cacheScope`. */
export type CacheHintMethod = (typeof CACHEABLE_METHODS)[number];

/** Cache hints per method, as `createServer`'s `cacheHints` option takes them. */
export type CacheHints = Readonly<Partial<Record<CacheHintMethod, CacheHint>>>;

/** The `_meta` naming a server on its modern results: made once per server, shared (frozen) by its results. */
export const serverMetaOf = (serverInfo: Implementation): Readonly<Record<string, unknown>> =>
  Object.freeze({ [META.serverInfo]: serverInfo });

/** What a result carries when neither its handler nor the server says otherwise: stale at once, never shared. */
export const DEFAULT_CACHE_HINT = Object.freeze({ ttlMs: 0, cacheScope: 'private' } as const);

const validTtl = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const validScope = (value: unknown): value is CacheScope => value === 'public' || value === 'private';

/**
 * A result as the modern era sends it: `resultType` (`complete` unless the
 * handler said otherwise), the server's identity in `_meta`, and, on cacheable
 * methods' complete results, `ttlMs` and `cacheScope`: the handler's own when
 * valid, else the server's hint for the method, else the defaults.
 */
export const modernResult = (
  method: string,
  result: RequestResult,
  serverMeta: Readonly<Record<string, unknown>>,
  hints: CacheHints | undefined,
): RequestResult => {
  const resultType = typeof result.resultType === 'string' ? result.resultType : 'complete';
  const meta = result._meta as Record<string, unknown> | undefined;
  // Copied key by key: V8 makes a fresh hidden class for every object a spread is
  // followed by new keys on (~3 µs each, measured), a plain copy reuses one.
  const out: Record<string, unknown> = {};
  for (const key in result) if (Object.hasOwn(result, key)) out[key] = result[key];
  out.resultType = resultType;
  out._meta = meta === undefined ? serverMeta : { ...meta, ...serverMeta };
  if (resultType === 'complete' && (CACHEABLE_METHODS as readonly string[]).includes(method)) {
    const hint = hints?.[method as CacheHintMethod];
    out.ttlMs = validTtl(result.ttlMs) ? result.ttlMs : validTtl(hint?.ttlMs) ? hint.ttlMs : DEFAULT_CACHE_HINT.ttlMs;
    out.cacheScope = validScope(result.cacheScope)
      ? result.cacheScope
      : validScope(hint?.cacheScope)
        ? hint.cacheScope
        : DEFAULT_CACHE_HINT.cacheScope;
  }
  return out;
};

/**
 * An error as the modern era sends it: codes earlier revisions used that the
 * modern ones retired are mapped to their successors (resource not found is
 * -32602 with `data.uri`; a URL elicitation required is an internal error
 * until the handler asks for input the modern way).
 */
export const modernError = (response: JsonRpcFailure): JsonRpcFailure => {
  const { code } = response.error;
  if (code === ErrorCode.ResourceNotFound)
    return { ...response, error: { ...response.error, code: ErrorCode.InvalidParams } };
  if (code === ErrorCode.UrlElicitationRequired)
    return { ...response, error: { ...response.error, code: ErrorCode.InternalError } };
  return response;
};
