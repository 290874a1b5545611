import { readBodyWithin } from '@mcpkit/core';
import type { HttpRequest, Reply, SseBody } from './exchange.js';
import { DEFAULT_MAX_STREAM_BUFFER_BYTES } from './options.js';

/**
 * A web `Request` (Bun, Deno, Workers, Hono) as the transports see it; the
 * counterpart of `NodeRequest`. Its URL is parsed on first need.
 */
class WebRequest implements HttpRequest {
  readonly method: string;
  readonly parsed: undefined;
  readonly #request: Request;
  #url: URL | undefined;

  constructor(request: Request) {
    this.#request = request;
    this.method = request.method;
  }

  #parsedUrl(): URL {
    this.#url ??= new URL(this.#request.url);
    return this.#url;
  }

  get path(): string {
    return this.#parsedUrl().pathname;
  }

  header(name: string): string | null {
    return this.#request.headers.get(name);
  }

  headerNames(): readonly string[] {
    const names: string[] = [];
    this.#request.headers.forEach((_value, name) => {
      names.push(name);
    });
    return names;
  }

  query(name: string): string | null {
    return this.#parsedUrl().searchParams.get(name);
  }

  url(): string {
    return this.#request.url;
  }

  bytes(limit: number): Promise<Uint8Array | undefined> {
    return readBodyWithin(this.#request, limit);
  }

  toWeb(): Request {
    return this.#request;
  }
}

/** Wraps a web `Request` as the transports' request. */
export const fromWebRequest = (request: Request): HttpRequest => new WebRequest(request);

/**
 * The web stream of an SSE body: the consumer cancelling is the client going
 * away. Past `maxBuffered` queued bytes the consumer is not reading, so the
 * stream is failed (which ends the response) rather than buffered on.
 */
const sseStream = (body: SseBody, maxBuffered: number): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) =>
        body.attach({
          write: (chunk) => {
            // desiredSize is highWaterMark minus the bytes queued: below 0, more than maxBuffered wait.
            if ((controller.desiredSize ?? 0) < 0) {
              controller.error(new Error('The client is not reading its event stream'));
              body.cancel();
              return;
            }
            controller.enqueue(encoder.encode(chunk));
          },
          end: (chunk) => {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
          },
        }),
      cancel: body.cancel,
    },
    { highWaterMark: maxBuffered, size: (chunk) => chunk.byteLength },
  );
};

/** Turns a reply into a web `Response` (a user route's `Response` passes through). */
export const toWebResponse = (reply: Reply, maxStreamBufferBytes = DEFAULT_MAX_STREAM_BUFFER_BYTES): Response => {
  if (reply instanceof Response) return reply;
  const { body } = reply;
  const init = { status: reply.status, headers: reply.headers };
  if (body === undefined) return new Response(null, init);
  return new Response(typeof body === 'string' ? body : sseStream(body, maxStreamBufferBytes), init);
};
