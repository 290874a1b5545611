import type { ListKind } from '../../context/component-ref.js';
import type { Context } from '../../context/context.js';
import { everythingEnabled } from '../../context/defaults.js';
import { DefinitionError } from '../../errors/errors.js';
import type { Store } from '../../store/store.js';
import type { Middleware, MiddlewareRequest, RequestResult } from '../middleware.js';
import { sharedAnswers } from './shared-response-cache.js';

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
  /**
   * Keep the answers in this shared {@link Store} (a Redis store, say)
   * instead of this instance's memory, so every instance using it serves
   * them and an invalidation on one makes them stale on all (a generation
   * counter per list, in the store). `maxEntries` does not apply then: the
   * store's own memory policy bounds it, with `ttlMs` on every answer. The
   * cache never fails a request: when the store fails, the request is served
   * uncached. Instances sharing a store must serve the same components.
   */
  readonly store?: Store;
  /** Prefix of this cache's keys in `store`; give each cache sharing a store its own. Default `response-cache`. */
  readonly storeName?: string;
  /** With `store`: answers larger than this, as JSON, are not stored. Default 1 MiB. */
  readonly maxEntryBytes?: number;
}

/** The middleware made by {@link responseCache}, with a way to drop what it holds. */
export interface ResponseCache extends Middleware {
  /**
   * Drops the cached answers of one list (`'resources'` includes reads and
   * templates), or of all. With a store, resolves once the store recorded it
   * (on every instance); it never rejects (a store failure is ignored).
   */
  readonly invalidate: (kind?: ListKind) => Promise<void>;
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
 * `createServer` calls it when `server.onListChanged` fires. With `store`,
 * the answers are shared across instances (see {@link ResponseCacheOptions.store}).
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
  if (options.store) return storeBacked(options, options.store, methods, keyOf);
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

  const slotOf = cacheSlot(methods, keyOf);
  const middleware: Middleware = async (request, ctx, next) => {
    const slot = slotOf(request, ctx);
    if (!slot) return next();
    const { kind, key } = slot;
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

  const invalidate = async (kind?: ListKind): Promise<void> => {
    for (const listKind of kind ? [kind] : (Object.keys(generations) as ListKind[])) generations[listKind]++;
    for (const [key, entry] of entries) if (!kind || entry.kind === kind) entries.delete(key);
  };

  return Object.freeze(Object.assign(middleware, { invalidate }));
};

/** The cache key of a request: method, params without `_meta`, caller. */
const requestKey = (request: { method: string; params: Readonly<Record<string, unknown>> }, caller: string) => {
  const { _meta, ...params } = request.params;
  return `${request.method}\n${stableJson(params)}\n${caller}`;
};

/**
 * Where a request's answer is cached, by list kind and key (method, params
 * without `_meta`, caller), or undefined when it must not be: a method not
 * cached, a session with visibility rules (its filtered answer must not be
 * shared), or no caller key.
 */
const cacheSlot =
  (methods: ReadonlySet<string>, keyOf: (ctx: Context) => string | undefined) =>
  (request: MiddlewareRequest, ctx: Context): { readonly kind: ListKind; readonly key: string } | undefined => {
    const kind = methods.has(request.method) ? CACHEABLE[request.method as CacheableMethod] : undefined;
    if (!kind || ctx.session.isEnabled !== everythingEnabled) return undefined;
    const caller = keyOf(ctx);
    return caller === undefined ? undefined : { kind, key: requestKey(request, caller) };
  };

/** {@link responseCache} over a shared store: same rules, answers kept in the store. */
const storeBacked = (
  options: ResponseCacheOptions,
  store: Store,
  methods: ReadonlySet<string>,
  keyOf: (ctx: Context) => string | undefined,
): ResponseCache => {
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  if (!(maxEntryBytes >= 1)) throw new DefinitionError('responseCache(): maxEntryBytes must be at least 1');
  const answers = sharedAnswers({
    store,
    ttlMs: options.ttlMs,
    name: options.storeName ?? 'response-cache',
    maxEntryBytes,
  });

  const slotOf = cacheSlot(methods, keyOf);
  const middleware: Middleware = async (request, ctx, next) => {
    const slot = slotOf(request, ctx);
    if (!slot) return next();
    const { kind, key } = slot;
    let found: Awaited<ReturnType<typeof answers.lookup>>;
    try {
      found = await answers.lookup(kind, key);
    } catch {
      // The store is down: serve the request uncached.
      return next();
    }
    if (found.hit) return found.hit;
    const result = await next();
    if (ctx.session.isEnabled !== everythingEnabled) return result;
    // Tagged with the generation read before computing: an invalidation meanwhile makes it stale at once.
    await answers.save(key, found.generation, result).catch(() => false);
    return result;
  };

  const invalidate = (kind?: ListKind) => answers.invalidate(kind).catch(() => {});
  return Object.freeze(Object.assign(middleware, { invalidate }));
};
