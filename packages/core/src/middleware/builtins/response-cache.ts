import type { ListKind } from '../../context/component-ref.js';
import type { Context } from '../../context/context.js';
import { everythingEnabled } from '../../context/defaults.js';
import { DefinitionError } from '../../errors/errors.js';
import type { Middleware, RequestResult } from '../middleware.js';

/** A method {@link responseCache} can cache. */
export type CacheableMethod =
  | 'tools/list'
  | 'resources/list'
  | 'resources/templates/list'
  | 'resources/read'
  | 'prompts/list';

/** The cacheable methods, each with the list whose `list_changed` makes its answers stale. */
const CACHEABLE: Readonly<Record<CacheableMethod, ListKind>> = {
  'tools/list': 'tools',
  'resources/list': 'resources',
  'resources/templates/list': 'resources',
  'resources/read': 'resources',
  'prompts/list': 'prompts',
};

/** Options of {@link responseCache}. */
export interface ResponseCacheOptions {
  /** How long a cached answer is served, in milliseconds. */
  readonly ttlMs: number;
  /** Which methods to cache; default: every list method and `resources/read`. */
  readonly methods?: readonly CacheableMethod[];
  /** At most this many answers are kept; the least recently used go first. Default 1,000. */
  readonly maxEntries?: number;
  /**
   * Who an answer belongs to; default: the authenticated subject and its sorted
   * scopes (access rules make lists differ per caller). Return `undefined` to
   * bypass the cache for this request, or e.g. `ctx.session.id` to cache per session.
   */
  readonly key?: (ctx: Context) => string | undefined;
  /** The clock, in milliseconds; for tests. */
  readonly now?: () => number;
}

/** The middleware made by {@link responseCache}, with a way to drop what it holds. */
export interface ResponseCache extends Middleware {
  /** Drops the cached answers of one list (`'resources'` includes reads and templates), or of all. */
  readonly invalidate: (kind?: ListKind) => void;
}

interface Entry {
  readonly kind: ListKind;
  readonly expires: number;
  readonly value: RequestResult;
}

/** JSON with object keys sorted, so equal params give equal keys whatever their order. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

const callerOf = (ctx: Context): string =>
  ctx.auth ? `${ctx.auth.subject ?? ''}|${[...ctx.auth.scopes].sort().join(' ')}` : 'anonymous';

/** A deep copy, or undefined when the value holds something that cannot be copied (then it is not cached). */
const copy = (value: RequestResult): RequestResult | undefined => {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
};

/**
 * Caches the answers to `tools/list`, `resources/list`,
 * `resources/templates/list`, `prompts/list` and `resources/read` for `ttlMs`,
 * keyed by method, params (without `_meta`) and caller. Only sessions that
 * hide nothing (`ctx.session.isEnabled === everythingEnabled`) use the cache;
 * errors are never cached, and every answer is a private deep copy, so later
 * middleware may change what it gets. `invalidate(kind)` drops stale answers:
 * `createServer` calls it when `server.onListChanged` fires.
 *
 * @example
 * const cache = responseCache({ ttlMs: 30_000 });
 * const server = createServer(info, components, { middleware: [cache] });
 */
export const responseCache = (options: ResponseCacheOptions): ResponseCache => {
  const { ttlMs } = options;
  if (!(ttlMs > 0)) throw new DefinitionError('responseCache(): ttlMs must be a positive number');
  const maxEntries = options.maxEntries ?? 1000;
  if (!(maxEntries >= 1)) throw new DefinitionError('responseCache(): maxEntries must be at least 1');
  const methods = new Set<string>(options.methods ?? Object.keys(CACHEABLE));
  for (const method of methods) {
    if (!Object.hasOwn(CACHEABLE, method)) {
      throw new DefinitionError(`responseCache(): cannot cache '${method}' (use ${Object.keys(CACHEABLE).join(', ')})`);
    }
  }
  const keyOf = options.key ?? callerOf;
  const now = options.now ?? (() => Date.now());
  // Map order is least recently used first.
  const entries = new Map<string, Entry>();
  // Bumped on invalidation, so an answer computed before it is not stored after it.
  const generations: Record<ListKind, number> = { tools: 0, resources: 0, prompts: 0 };

  const lookup = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.expires <= now()) return undefined;
    entries.set(key, entry);
    return entry;
  };

  const middleware: Middleware = async (request, ctx, next) => {
    const kind = methods.has(request.method) ? CACHEABLE[request.method as CacheableMethod] : undefined;
    // A session with visibility rules gets a filtered answer that must not be shared.
    if (!kind || ctx.session.isEnabled !== everythingEnabled) return next();
    const caller = keyOf(ctx);
    if (caller === undefined) return next();
    const { _meta, ...params } = request.params;
    const key = `${request.method}\n${stableJson(params)}\n${caller}`;
    const hit = lookup(key);
    if (hit) return structuredClone(hit.value);
    const generation = generations[kind];
    const result = await next();
    // Rules added while the request ran may have filtered it; an invalidation may have made it stale.
    if (ctx.session.isEnabled !== everythingEnabled || generation !== generations[kind]) return result;
    const value = copy(result);
    if (!value) return result;
    entries.delete(key);
    entries.set(key, { kind, expires: now() + ttlMs, value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return result;
  };

  const invalidate = (kind?: ListKind): void => {
    for (const listKind of kind ? [kind] : (Object.keys(generations) as ListKind[])) generations[listKind]++;
    for (const [key, entry] of entries) if (!kind || entry.kind === kind) entries.delete(key);
  };

  return Object.freeze(Object.assign(middleware, { invalidate }));
};
