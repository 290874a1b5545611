/** Thrown when a response is larger than allowed; becomes a tool error. */
export class TooLargeError extends Error {}

/**
 * Reads a response body into memory, at most `limit` bytes: a larger body
 * is cancelled and fails, so one big response cannot exhaust the server.
 */
export const readBody = async (response: Response, limit: number): Promise<Uint8Array> => {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body?.cancel();
    throw new TooLargeError(`The response is ${declared} bytes, over the limit of ${limit}`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TooLargeError(`The response is over the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
};
