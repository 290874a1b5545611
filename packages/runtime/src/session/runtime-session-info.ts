import type { Lifespan, SessionInfo } from '@mcpkit/core';

/**
 * The `ctx.session` the runtime hands to handlers: the core `SessionInfo`
 * plus what `hubOf(ctx)` and `lifespanOf(ctx)` read.
 */
export interface RuntimeSessionInfo extends SessionInfo {
  /** The hub that owns this session. */
  readonly hub: unknown;
  /** The value started by the lifespan hook (undefined without one). */
  readonly lifespan: unknown;
  /** Every started lifespan hook's value, by hook. */
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  /**
   * Runs `cleanup` once when this session closes (at once if it already has);
   * returns a function that unregisters it. Proxies close their per-session
   * remote connections this way.
   */
  readonly onClose: (cleanup: () => void) => () => void;
}
