/**
 * Reads a web `Request` or `Response` body into memory, at most `limit`
 * bytes: undefined as soon as it is (or declares itself) longer, with the
 * rest cancelled unread, so one big body cannot exhaust a server. The one
 * bounded reader every package uses (the HTTP transports, the sign-in
 * server's forms, OpenAPI responses).
 *
 * @example
 * const bytes = await readBodyWithin(request, 1_048_576);
 * if (!bytes) return new Response('Payload Too Large', { status: 413 });
 */
export const readBodyWithin = async (message: Request | Response, limit: number): Promise<Uint8Array | undefined> => {
  const declared = Number(message.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await message.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!message.body) return new Uint8Array(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
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
