import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParsedBody } from './endpoint.js';
import { jsonResponse } from './responses.js';
import type { Router } from './router.js';

/** A Connect-style handler: node:http, Express, Fastify (via middie) and friends. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * Streams a Node request body as web bytes, pulling only as fast as it is read.
 * Nothing is read until the handler asks: an unread body is left for Node to
 * discard. A cancelled read (e.g. past the size cap) discards the rest rather
 * than destroying the socket, so the 413 still reaches the client.
 */
const bodyOf = (req: IncomingMessage): ReadableStream<Uint8Array> => {
  let onData: ((chunk: Buffer) => void) | undefined;
  let done = false;
  // After a cancel the controller refuses everything; late events are ignored.
  const settle = (finish: () => void) => {
    if (done) return;
    done = true;
    finish();
  };
  return new ReadableStream<Uint8Array>({
    pull: (controller) => {
      if (!onData) {
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
  });
};

/** Where the adapter reads a POST body itself, as capped bytes: the MCP endpoint. */
export interface BufferedBody {
  readonly path: string;
  readonly limit: number;
}

/**
 * Reads a whole body as bytes, stopping one chunk past `limit` (the endpoint then answers 413 and
 * discards the rest). Much cheaper per request than a web ReadableStream.
 */
const readBody = (req: IncomingMessage, limit: number): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      settle();
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size <= limit) return;
      finish(() => resolve(Buffer.concat(chunks, size)));
      req.resume(); // discard the rest: the answer is a 413 with Connection: close
    };
    const onEnd = () =>
      finish(() => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    const onError = (error: Error) => finish(() => reject(error));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });

const pathOf = (url: string | undefined): string => {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
};

/** Builds a web Request from a Node one. The URL is `req.url`, so a mount prefix stays outside. */
const toRequest = (req: IncomingMessage, hasParsedBody: boolean): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
  } catch {
    // A malformed Host still reaches the guard through the headers.
    url = new URL(req.url ?? '/', 'http://invalid.host');
  }
  const method = req.method ?? 'GET';
  const withBody = method !== 'GET' && method !== 'HEAD' && !hasParsedBody;
  return new Request(url, {
    method,
    headers,
    ...(withBody ? { body: bodyOf(req), duplex: 'half' } : {}),
  } as RequestInit);
};

/** Writes a web Response to a Node one, streaming the body (SSE included) until either side ends. */
const writeResponse = async (response: Response, res: ServerResponse): Promise<void> => {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  // A whole answer (JSON, errors) goes out in one write with its length: split writes of a small
  // response cost a round of TCP acknowledgements each, which idled the server under load.
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const body = new Uint8Array(await response.arrayBuffer());
    res.setHeader('content-length', body.byteLength);
    res.end(body);
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  // The client going away cancels the body: that is how SSE streams learn of it.
  res.on('close', () => {
    reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } finally {
    res.end();
  }
};

/**
 * Adapts a router to Node's (req, res, next). A body Express already parsed
 * (`req.body`) is used as is. Unmatched paths go to `next()` when there is one,
 * else get 404.
 */
export const toNodeListener =
  (router: Router, buffered?: BufferedBody): NodeHandler =>
  (req, res, next) => {
    const preParsed = (req as { body?: unknown }).body;
    let parsed: ParsedBody | undefined = preParsed !== undefined ? { body: preParsed } : undefined;
    const run = async () => {
      if (!parsed && buffered && req.method === 'POST' && pathOf(req.url) === buffered.path) {
        parsed = { body: await readBody(req, buffered.limit) };
      }
      const response = await router(toRequest(req, parsed !== undefined), parsed);
      if (response) return writeResponse(response, res);
      if (next) return next();
      return writeResponse(jsonResponse({ error: 'Not Found' }, 404), res);
    };
    run().catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
