import { McpkitError } from '@mcpkit/core';

/** Thrown when the shared store did not answer in time or failed: the request gets 503. */
export class StoreUnavailableError extends McpkitError {
  constructor(cause: unknown) {
    super('STORE_UNAVAILABLE', 'The shared session store is unreachable', { cause });
  }
}

/**
 * Runs one store operation with a deadline, so a store that is down (a
 * Redis client queueing commands while it reconnects) fails the request
 * within `timeoutMs` instead of holding it. Any failure becomes a
 * {@link StoreUnavailableError}.
 */
export const storeCall = async <T>(operation: () => Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([operation(), deadline]);
  } catch (error) {
    throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
  } finally {
    clearTimeout(timer);
  }
};
