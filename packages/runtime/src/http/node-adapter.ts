import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpReply } from './exchange.js';
import { NodeRequest } from './node-request.js';
import { DEFAULT_MAX_STREAM_BUFFER_BYTES } from './options.js';
import { createReplyBatch, DEFAULT_MAX_BATCHED_REPLIES, type ReplyBatch } from './reply-batch.js';
import { notFound } from './responses.js';
import type { Router } from './router.js';

/** A Connect-style handler: node:http, Express, Fastify (via middie) and friends. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

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
  batch: ReplyBatch,
) => {
  // Copied key by key: a spread followed by a new key costs V8 a fresh hidden class each time (µs per reply).
  const headers: Record<string, string | number> = {};
  for (const name in replyHeaders) if (Object.hasOwn(replyHeaders, name)) headers[name] = replyHeaders[name] as string;
  // A small string rides in one write with the head; a large one is encoded once, not measured and then encoded.
  const out = body !== undefined && body.length > LARGE_BODY ? Buffer.from(body) : body;
  if (out !== undefined) headers['content-length'] = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
  res.writeHead(status, headers);
  batch.end(res, out);
};

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** See `CommonHttpOptions.maxStreamBufferBytes`. */
  readonly maxStreamBufferBytes?: number;
  /** See `CommonHttpOptions.maxBatchedReplies`. */
  readonly maxBatchedReplies?: number;
}

const writeReply = (reply: HttpReply, res: ServerResponse, maxBuffered: number, batch: ReplyBatch): void => {
  const { body } = reply;
  if (body === undefined || typeof body === 'string') {
    writeWhole(reply.status, reply.headers, body, res, batch);
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
      // A client that has not taken what we sent before is not reading: drop it
      // rather than buffer without bound (writableLength includes the socket's queue).
      if (res.writableLength > maxBuffered) {
        res.destroy();
        return;
      }
      res.write(chunk);
    },
    end: (chunk) => {
      if (started) return void res.end(chunk);
      // A stream that ended before it was attached is a whole body: one write, with its length
      // (held for the turn's batch, so `started` is what says the head is taken care of).
      started = true;
      writeWhole(reply.status, reply.headers, chunk ?? '', res, batch);
    },
  });
  // Nothing written nor ended during attach: the stream goes on, so its head goes out now.
  if (!started) {
    start();
    res.flushHeaders();
  }
};

/**
 * Adapts a router to Node's (req, res, next). Unmatched paths go to `next()`
 * when there is one, else get 404.
 */
export const toNodeListener = (router: Router, options: NodeListenerOptions = {}): NodeHandler => {
  const maxBuffered = options.maxStreamBufferBytes ?? DEFAULT_MAX_STREAM_BUFFER_BYTES;
  const batch = createReplyBatch(options.maxBatchedReplies ?? DEFAULT_MAX_BATCHED_REPLIES);
  return (req, res, next) => {
    const run = async () => {
      const reply = await router(new NodeRequest(req));
      if (reply instanceof Response) return writeWebResponse(reply, res);
      if (reply) return writeReply(reply, res, maxBuffered, batch);
      if (next) return next();
      return writeReply(notFound(), res, maxBuffered, batch);
    };
    run().catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
};
