import { McpkitError } from '../errors/errors.js';

/**
 * Thrown by a {@link Store} driver whose backend cannot be reached (Redis
 * down, restarting, or too slow to answer): the call failed fast instead of
 * waiting. Callers answer "try again later" (HTTP 503 with `Retry-After`);
 * `retryAfterMs` is the driver's hint of when to try again. Branch on
 * `code === 'STORE_UNAVAILABLE'` or {@link isStoreUnavailable}, which work
 * across package copies.
 */
export class StoreUnavailableError extends McpkitError {
  declare readonly code: 'STORE_UNAVAILABLE';
  /** When trying again may succeed, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs = 1000, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
    this.name = 'StoreUnavailableError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Whether `error` is a {@link StoreUnavailableError}, by its code (so it holds across package copies). */
export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError =>
  error instanceof Error && (error as { code?: unknown }).code === 'STORE_UNAVAILABLE';
