import type { CustomMethod } from '../extension/custom-method.js';
import type { ExtensionSettings } from '../extension/extensions.js';
import type { Middleware } from '../middleware/middleware.js';
import type { RefInlining } from '../schema/ref-inlining.js';
import type { Serializer } from '../tool/call-result.js';
import type { TransformOptions } from '../tool/transform.js';
import type { Lifespan } from './lifespan.js';
import type { CacheHints } from './modern-result.js';
import type { InputOptions } from './mrtr.js';

/** What to do when two components share a name (or URI): fail, warn and replace, replace, or keep the first. */
export type DuplicatePolicy = 'error' | 'warn' | 'replace' | 'ignore';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Default `'error'`. */
  readonly onDuplicate?: DuplicatePolicy;
  /** Keep only components with at least one of these tags. */
  readonly include?: readonly string[];
  /** Drop components with any of these tags (wins over `include`). */
  readonly exclude?: readonly string[];
  /** Paginate list results by cursor, this many items a page. */
  readonly pageSize?: number;
  /** Replace the messages of unexpected handler errors with generic ones. `ToolError` messages are kept. */
  readonly maskErrorDetails?: boolean;
  /** Turns non-string tool results into text; JSON by default. */
  readonly serializer?: Serializer;
  /** Wraps every request, in array order; see `Middleware` and `hooks()`. */
  readonly middleware?: readonly Middleware[];
  /** Starts shared resources once per process; it also runs when this server is mounted in another. */
  readonly lifespan?: Lifespan;
  /** Reshape tools by their final name (after namespacing), as `transform()` does; unknown names fail. */
  readonly transforms?: Readonly<Record<string, TransformOptions>>;
  /**
   * Cache hints of modern-era (2026-07-28) results, per method: `ttlMs` and
   * `cacheScope` for `server/discover`, the lists and `resources/read`. A
   * handler's own valid `ttlMs`/`cacheScope` win; the default is
   * `{ ttlMs: 0, cacheScope: 'private' }` (stale at once, never shared).
   */
  readonly cacheHints?: CacheHints;
  /**
   * How handlers that ask for input run: the `requestState` secret and TTL,
   * the rounds a 2025 session allows, and whether `ctx.elicit()` and friends
   * replay on 2026-07-28 requests. See {@link InputOptions}.
   */
  readonly input?: InputOptions;
  /**
   * Extensions the server supports, advertised as `capabilities.extensions`
   * (in initialize and `server/discover`): settings (`{}` for none) by
   * identifier in `vendor-prefix/name` form. Read what the client declared
   * with `clientExtension(ctx, id)`. MCP Apps (`io.modelcontextprotocol/ui`)
   * is added by itself when a component uses it, unless set here (yours wins).
   */
  readonly extensions?: ExtensionSettings;
  /**
   * Request methods beyond MCP's own, by name (e.g. `com.example/search`):
   * a handler, or `customMethod({ params, handler })` to validate params.
   * They run through `middleware` like built-in methods, on both eras; a name
   * the server already answers fails at construction.
   */
  readonly methods?: Readonly<Record<string, CustomMethod>>;
  /**
   * Bounds of the `$ref` inlining in tools' listed schemas (no `$ref` is
   * sent): `maxDepth` levels of a recursive definition (default 3) and
   * `maxExpansions` references a schema in all (default 1000); positive
   * integers. A tool's own `refInlining` wins.
   */
  readonly refInlining?: RefInlining;
  /** Where duplicate warnings go; `console.warn` by default. */
  readonly warn?: (message: string) => void;
}
