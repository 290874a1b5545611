import { ErrorCode } from '../../errors/codes.js';
import { McpkitError, ProtocolError } from '../../errors/errors.js';
import type { Middleware } from '../middleware.js';

/** Options of {@link errorHandling}. */
export interface ErrorHandlingOptions {
  /** Turn an error into a protocol error with the code you choose; return undefined to leave it to the defaults. */
  readonly map?: (error: unknown, method: string) => ProtocolError | undefined;
  /** Replace the messages of unexpected errors with a generic one. */
  readonly mask?: boolean;
  /** Told about every error (for reporting), before it is mapped. */
  readonly onError?: (error: unknown, method: string) => void;
}

/**
 * Normalises errors escaping the rest of the chain: `map` picks codes,
 * protocol errors pass through, and anything else becomes an internal error
 * whose message is kept or masked.
 */
export const errorHandling = (options: ErrorHandlingOptions = {}): Middleware => {
  return async (request, _ctx, next) => {
    try {
      return await next();
    } catch (error) {
      options.onError?.(error, request.method);
      const mapped = options.map?.(error, request.method);
      if (mapped) throw mapped;
      if (error instanceof ProtocolError) throw error;
      const message =
        options.mask && !(error instanceof McpkitError)
          ? `Internal error while handling ${request.method}`
          : error instanceof Error
            ? error.message
            : String(error);
      throw new ProtocolError(ErrorCode.InternalError, message);
    }
  };
};
