import type { Middleware } from '../middleware.js';

/** One line of the request log. */
export interface RequestLogEntry {
  readonly method: string;
  readonly requestId: string | number | undefined;
  readonly sessionId: string | undefined;
  readonly durationMs: number;
  readonly outcome: 'ok' | 'error';
  /** The error's message, for failed requests. */
  readonly error?: string;
  /** The tool, prompt or resource the request named, when it named one. */
  readonly target?: string;
}

/** Options of {@link requestLogging}. */
export interface LoggingOptions {
  /** Where entries go; default: one JSON line each on stderr (`console.error`), never stdout. */
  readonly write?: (entry: RequestLogEntry) => void;
  /** Skip some methods (e.g. `ping`). */
  readonly skip?: readonly string[];
}

const targetOf = (params: Readonly<Record<string, unknown>>): string | undefined =>
  typeof params.name === 'string' ? params.name : typeof params.uri === 'string' ? params.uri : undefined;

/**
 * Structured request logging: one entry per request with method, target,
 * duration and outcome. Writes to stderr by default so stdio servers keep
 * stdout for the protocol.
 */
export const requestLogging = (options: LoggingOptions = {}): Middleware => {
  const write = options.write ?? ((entry: RequestLogEntry) => console.error(JSON.stringify(entry)));
  const skip = new Set(options.skip ?? []);
  return async (request, ctx, next) => {
    if (skip.has(request.method)) return next();
    const started = performance.now();
    const base = {
      method: request.method,
      requestId: ctx.requestId,
      sessionId: ctx.session.id,
      ...(targetOf(request.params) !== undefined && { target: targetOf(request.params) }),
    };
    try {
      const result = await next();
      write({ ...base, durationMs: performance.now() - started, outcome: 'ok' });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      write({ ...base, durationMs: performance.now() - started, outcome: 'error', error: message });
      throw error;
    }
  };
};
