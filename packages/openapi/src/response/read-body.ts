import { readBodyWithin } from '@mcpkit/core';

/** Thrown when a response is larger than allowed; becomes a tool error. */
export class TooLargeError extends Error {}

/**
 * Reads a response body into memory, at most `limit` bytes: a larger body
 * is cancelled and fails, so one big response cannot exhaust the server.
 */
export const readBody = async (response: Response, limit: number): Promise<Uint8Array> => {
  const bytes = await readBodyWithin(response, limit);
  if (!bytes) throw new TooLargeError(`The response is over the limit of ${limit} bytes`);
  return bytes;
};
