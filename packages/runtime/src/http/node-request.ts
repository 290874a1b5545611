import type { IncomingMessage } from 'node:http';
import { readBodyWithin } from '@mcpkit/core';
import type { HttpRequest, ParsedBody } from './exchange.js';

/**
 * Streams a Node request body as web bytes, pulling only as fast as it is read
 * (for user code that asked for a web `Request`). Nothing is read until then
 * (high-water mark 0), so a verifier that ignores the body leaves it to us.
 */
const bodyStream = (req: IncomingMessage, onRead: () => void): ReadableStream<Uint8Array> => {
  let onData: ((chunk: Buffer) => void) | undefined;
  let done = false;
  const settle = (finish: () => void) => {
    if (done) return;
    done = true;
    finish();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        if (!onData) {
          onRead();
          onData = (chunk) => {
            if (done) return;
            controller.enqueue(new Uint8Array(chunk));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          };
          req.on('data', onData);
          req.once('end', () => settle(() => controller.close()));
          req.once('error', (error) => settle(() => controller.error(error)));
        }
        req.resume();
      },
      cancel: () => {
        done = true;
        if (onData) req.off('data', onData);
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
};

/**
 * Reads a whole body as bytes, giving up (undefined) one chunk past `limit`;
 * the rest is discarded and the 413 that follows closes the connection.
 */
const readBody = (req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> => {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stopListening = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size <= limit) return;
      stopListening();
      resolve(undefined);
      req.resume();
    };
    // A body read to its end emits nothing more: its listeners go with the request, no need to take them off.
    const onEnd = () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    const onError = (error: Error) => {
      stopListening();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
};

/** The absolute URL of a Node request; a malformed Host still reaches the guard through the headers. */
const urlOf = (req: IncomingMessage): string => {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  try {
    return new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(req.url ?? '/', 'http://invalid.host').href;
  }
};

/**
 * A Node request as the transports see it; a body Express already parsed
 * (`req.body`) is kept as parsed. A class, so each request costs one object
 * rather than one closure per method.
 */
export class NodeRequest implements HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly parsed: ParsedBody | undefined;
  readonly #req: IncomingMessage;
  readonly #queryAt: number;
  #read: Promise<Uint8Array | undefined> | undefined;
  #search: URLSearchParams | undefined;
  #web: Request | undefined;
  #streamed = false;

  constructor(req: IncomingMessage) {
    const raw = req.url ?? '/';
    this.#req = req;
    this.#queryAt = raw.indexOf('?');
    this.method = req.method ?? 'GET';
    this.path = this.#queryAt === -1 ? raw : raw.slice(0, this.#queryAt);
    const preParsed = (req as { body?: unknown }).body;
    this.parsed = preParsed !== undefined ? { body: preParsed } : undefined;
  }

  headerNames(): readonly string[] {
    return Object.keys(this.#req.headers);
  }

  header(name: string): string | null {
    const value = this.#req.headers[name];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  query(name: string): string | null {
    const raw = this.#req.url ?? '/';
    this.#search ??= new URLSearchParams(this.#queryAt === -1 ? '' : raw.slice(this.#queryAt + 1));
    return this.#search.get(name);
  }

  url(): string {
    return urlOf(this.#req);
  }

  bytes(limit: number): Promise<Uint8Array | undefined> {
    // Once user code started reading the web body, the rest can only come from there.
    this.#read ??= this.#streamed && this.#web ? readBodyWithin(this.#web, limit) : readBody(this.#req, limit);
    return this.#read;
  }

  toWeb(): Request {
    if (this.#web) return this.#web;
    const headers = new Headers();
    for (const [name, value] of Object.entries(this.#req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    const method = this.method;
    const withBody = method !== 'GET' && method !== 'HEAD' && this.parsed === undefined && this.#read === undefined;
    const body = withBody
      ? bodyStream(this.#req, () => {
          this.#streamed = true;
        })
      : undefined;
    this.#web = new Request(this.url(), {
      method,
      headers,
      ...(body ? { body, duplex: 'half' } : {}),
    } as RequestInit);
    return this.#web;
  }
}
