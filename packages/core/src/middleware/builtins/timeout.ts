import { ErrorCode } from '../../errors/codes.js';
import { DefinitionError, ProtocolError } from '../../errors/errors.js';
import { DeadlineExceeded, withTimeout } from '../../utils/with-timeout.js';
import type { Middleware } from '../middleware.js';

/** Options of {@link timeout}. */
export interface TimeoutOptions {
  /** Milliseconds a request may take. */
  readonly ms: number;
  /** Per-method overrides, e.g. `{ 'tools/call': 30_000 }`. */
  readonly methods?: Readonly<Record<string, number>>;
}

/**
 * Fails requests that take too long with JSON-RPC error -32001 and aborts
 * their `ctx.signal`, so handlers that honour it stop working.
 */
export const timeout = (options: TimeoutOptions): Middleware => {
  if (!(options.ms > 0)) throw new DefinitionError('timeout(): ms must be a positive number');
  return async (request, ctx, next) => {
    const ms = options.methods?.[request.method] ?? options.ms;
    try {
      return await withTimeout(ms, ctx.signal, (signal) =>
        next(undefined, signal === ctx.signal ? ctx : { ...ctx, signal }),
      );
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        throw new ProtocolError(ErrorCode.RequestTimeout, `${request.method} timed out after ${ms} ms`, {
          timeoutMs: ms,
        });
      }
      throw error;
    }
  };
};
