import type { HttpReply, SseBody, SseSink } from './exchange.js';
import { lowerHeaders } from './exchange.js';
import type { ReplyHeaders } from './responses.js';

/** One Server-Sent Event. */
export interface SseEvent {
  readonly id?: string;
  readonly event?: string;
  /** The payload; multi-line data is split over several `data:` lines. */
  readonly data: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Encodes one event in the `text/event-stream` format. */
export const formatSseEvent = (event: SseEvent): string => {
  let out = '';
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  // JSON text has no raw line breaks, so the common case is one data line.
  if (!LINE_BREAK.test(event.data)) return `${out}data: ${event.data}\n\n`;
  for (const line of event.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return `${out}\n`;
};

/** An open SSE reply the server writes events to. */
export interface SseConnection {
  /** The reply to hand back to the client. */
  readonly response: HttpReply;
  /** Writes one event; false once the connection is gone. */
  readonly write: (event: SseEvent) => boolean;
  /** Ends the reply from our side. Idempotent. */
  readonly close: () => void;
  readonly isOpen: () => boolean;
}

/** Options of {@link openSse}. */
export interface OpenSseOptions {
  /** Runs once when the connection ends for any reason: our `close()` or the client going away. */
  readonly onGone?: () => void;
  readonly headers?: ReplyHeaders;
  /** Send a comment line this often so proxies keep an idle stream open; 0 for never. */
  readonly keepAliveMs?: number;
}

/** The headers of an SSE reply, on top of `headers`. */
const sseHeaders = (headers: ReplyHeaders | undefined): Record<string, string> => {
  const out = lowerHeaders(headers);
  out['content-type'] = 'text/event-stream';
  out['cache-control'] = 'no-cache, no-transform';
  // Ask reverse proxies (nginx) not to buffer the stream.
  out['x-accel-buffering'] = 'no';
  return out;
};

/**
 * A whole SSE reply: the same head and text a stream carrying `events` and
 * then closed would give, made without one.
 */
export const sseReply = (events: readonly SseEvent[], headers?: ReplyHeaders): HttpReply => ({
  status: 200,
  headers: sseHeaders(headers),
  body: events.map(formatSseEvent).join(''),
});

/**
 * Opens an SSE reply. Text written before an adapter attaches the wire is held
 * and sent at once; the client going away shows up as `cancel`.
 */
export const openSse = (options: OpenSseOptions = {}): SseConnection => {
  const { onGone, headers, keepAliveMs = 0 } = options;
  let sink: SseSink | undefined;
  let pending = '';
  let open = true;
  let ended = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const gone = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onGone?.();
  };
  const send = (text: string): boolean => {
    if (!open) return false;
    if (!sink) pending += text;
    else {
      try {
        sink.write(text);
      } catch {
        gone();
        return false;
      }
    }
    return true;
  };
  if (keepAliveMs > 0) {
    heartbeat = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
    (heartbeat as { unref?: () => void }).unref?.();
  }

  const body: SseBody = {
    kind: 'sse',
    attach: (wire) => {
      if (sink) return;
      sink = wire;
      const held = pending;
      pending = '';
      try {
        if (ended) wire.end(held);
        else if (held) wire.write(held);
      } catch {
        gone();
      }
    },
    cancel: gone,
  };
  return {
    response: { status: 200, headers: sseHeaders(headers), body },
    write: (event) => send(formatSseEvent(event)),
    close: () => {
      if (!open) return;
      ended = true;
      if (sink) {
        try {
          sink.end();
        } catch {
          // Already closed by the runtime.
        }
      }
      gone();
    },
    isOpen: () => open,
  };
};
