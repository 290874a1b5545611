import type { Lifespan } from '../server/lifespan.js';

/** The lifespan options of `createTestContext()`. */
export interface TestLifespanOptions {
  /** What `lifespanOf(ctx)` returns: the value the served server's lifespan hook would have started. */
  readonly lifespan?: unknown;
  /** What `lifespanOf(ctx, hook)` returns, per hook: `[[db, fakePool]]` or a Map. */
  readonly lifespans?: ReadonlyMap<Lifespan, unknown> | Iterable<readonly [Lifespan, unknown]>;
}

/**
 * The session fields the runtime's `lifespanOf(ctx)` reads, as a runtime
 * session carries them, so handlers that use lifespan values run in unit tests.
 */
export const testLifespans = (options: TestLifespanOptions) => ({
  lifespan: options.lifespan,
  lifespans: new Map<Lifespan, unknown>(options.lifespans ?? []),
});
