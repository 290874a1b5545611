import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpReply, HttpRequest } from './exchange.js';
import { jsonResponse } from './responses.js';
import type { Router } from './router.js';
import { readWebBody } from './web-adapter.js';

/** A Connect-style handler: node:http, Express, Fastify (via middie) and friends. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

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
      finish(() => resolve(undefined));
      req.resume();
    };
    const onEnd = () =>
      finish(() => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    const onError = (error: Error) => finish(() => reject(error));
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

/** Wraps a Node request; a body Express already parsed (`req.body`) is kept as parsed. */
const fromNodeRequest = (req: IncomingMessage): HttpRequest => {
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const preParsed = (req as { body?: unknown }).body;
  let read: Promise<Uint8Array | undefined> | undefined;
  let search: URLSearchParams | undefined;
  let web: Request | undefined;
  let streamed = false;
  const request: HttpRequest = {
    method: req.method ?? 'GET',
    path: queryAt === -1 ? raw : raw.slice(0, queryAt),
    header: (name) => {
      const value = req.headers[name];
      if (value === undefined) return null;
      return typeof value === 'string' ? value : value.join(', ');
    },
    query: (name) => {
      search ??= new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
      return search.get(name);
    },
    url: () => urlOf(req),
    bytes: (limit) => {
      // Once user code started reading the web body, the rest can only come from there.
      read ??= streamed && web ? readWebBody(web, limit) : readBody(req, limit);
      return read;
    },
    parsed: preParsed !== undefined ? { body: preParsed } : undefined,
    toWeb: () => {
      if (web) return web;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const method = request.method;
      const withBody = method !== 'GET' && method !== 'HEAD' && preParsed === undefined && read === undefined;
      web = new Request(request.url(), {
        method,
        headers,
        ...(withBody
          ? {
              body: bodyStream(req, () => {
                streamed = true;
              }),
              duplex: 'half',
            }
          : {}),
      } as RequestInit);
      return web;
    },
  };
  return request;
};

/** Writes a user route's web Response, streaming its body until either side ends. */
const writeWebResponse = async (response: Response, res: ServerResponse): Promise<void> => {
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
  res.flushHeaders();
  const reader = response.body.getReader();
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

const LARGE_BODY = 16 * 1024;

/**
 * Writes one of our replies. A whole body goes out in one write with its length:
 * split writes of a small answer cost a round of TCP acknowledgements each.
 */
const writeWhole = (
  status: number,
  replyHeaders: HttpReply['headers'],
  body: string | undefined,
  res: ServerResponse,
) => {
  const headers: Record<string, string | number> = { ...replyHeaders };
  // A small string rides in one write with the head; a large one is encoded once, not measured and then encoded.
  const out = body !== undefined && body.length > LARGE_BODY ? Buffer.from(body) : body;
  if (out !== undefined) headers['content-length'] = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
  res.writeHead(status, headers);
  res.end(out);
};

const writeReply = (reply: HttpReply, res: ServerResponse): void => {
  const { body } = reply;
  if (body === undefined || typeof body === 'string') {
    writeWhole(reply.status, reply.headers, body, res);
    return;
  }
  let started = false;
  const start = () => {
    started = true;
    res.writeHead(reply.status, reply.headers);
  };
  // The client going away cancels the body: that is how SSE streams learn of it.
  res.on('close', body.cancel);
  body.attach({
    write: (chunk) => {
      if (!started) start();
      res.write(chunk);
    },
    end: (chunk) => {
      // A stream that ended before it was attached is a whole body: one write, with its length.
      if (!started) writeWhole(reply.status, reply.headers, chunk ?? '', res);
      else res.end(chunk);
    },
  });
  if (!started && !res.writableEnded) {
    start();
    res.flushHeaders();
  }
};

/**
 * Adapts a router to Node's (req, res, next). Unmatched paths go to `next()`
 * when there is one, else get 404.
 */
export const toNodeListener =
  (router: Router): NodeHandler =>
  (req, res, next) => {
    const run = async () => {
      const reply = await router(fromNodeRequest(req));
      if (reply instanceof Response) return writeWebResponse(reply, res);
      if (reply) return writeReply(reply, res);
      if (next) return next();
      return writeReply(jsonResponse({ error: 'Not Found' }, 404), res);
    };
    run().catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
