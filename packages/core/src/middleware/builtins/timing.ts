import type { Middleware } from '../middleware.js';

/** The `_meta` key under which {@link timing} reports a request's server time. */
export const TIMING_META_KEY = 'mcpkit/durationMs';

/** Options of {@link timing}. */
export interface TimingOptions {
  /** Also told each request's duration (for metrics). */
  readonly report?: (method: string, durationMs: number) => void;
  /** Add the duration to each result's `_meta` (default true). */
  readonly annotate?: boolean;
}

/**
 * Measures how long each request takes on the server and adds it to the
 * result's `_meta` as `mcpkit/durationMs` (and/or reports it).
 */
export const timing = (options: TimingOptions = {}): Middleware => {
  const annotate = options.annotate ?? true;
  return async (request, _ctx, next) => {
    const started = performance.now();
    const result = await next();
    const durationMs = performance.now() - started;
    options.report?.(request.method, durationMs);
    if (!annotate) return result;
    const meta = (result._meta ?? {}) as Record<string, unknown>;
    return { ...result, _meta: { ...meta, [TIMING_META_KEY]: durationMs } };
  };
};
