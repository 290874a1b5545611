import { isStoreUnavailable, StoreUnavailableError } from '@mcpkit/core';

/**
 * Runs one store operation with a deadline, so a store that does not answer
 * (a driver that queues calls, or a hung backend) fails the request within
 * `timeoutMs` instead of holding it. Any failure becomes a
 * `StoreUnavailableError` (from `@mcpkit/core`), which the transport answers
 * with 503.
 */
export const storeCall = async <T>(operation: () => Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([operation(), deadline]);
  } catch (error) {
    if (isStoreUnavailable(error)) throw error;
    throw new StoreUnavailableError('The shared session store is unreachable', 1000, { cause: error });
  } finally {
    clearTimeout(timer);
  }
};
