/** One Server-Sent Event. */
export interface SseEvent {
  readonly id?: string;
  readonly event?: string;
  /** The payload; multi-line data is split over several `data:` lines. */
  readonly data: string;
}

/** Encodes one event in the `text/event-stream` format. */
export const formatSseEvent = (event: SseEvent): string => {
  let out = '';
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
};

/** An open SSE response the server writes events to. */
export interface SseConnection {
  /** The response to hand back to the client. */
  readonly response: Response;
  /** Writes one event; false once the connection is gone. */
  readonly write: (event: SseEvent) => boolean;
  /** Ends the response from our side. Idempotent. */
  readonly close: () => void;
  readonly isOpen: () => boolean;
}

/** Options of {@link openSse}. */
export interface OpenSseOptions {
  /** Runs once when the connection ends for any reason: our `close()` or the client going away. */
  readonly onGone?: () => void;
  readonly headers?: HeadersInit;
  /** Send a comment line this often so proxies keep an idle stream open; 0 for never. */
  readonly keepAliveMs?: number;
}

/** Opens an SSE response; the client going away shows up as the body stream being cancelled. */
export const openSse = (options: OpenSseOptions = {}): SseConnection => {
  const { onGone, headers, keepAliveMs = 0 } = options;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let open = true;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const gone = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onGone?.();
  };
  if (keepAliveMs > 0) {
    heartbeat = setInterval(() => {
      try {
        controller?.enqueue(encoder.encode(': keep-alive\n\n'));
      } catch {
        gone();
      }
    }, keepAliveMs);
    (heartbeat as { unref?: () => void }).unref?.();
  }
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: gone,
  });
  const out = new Headers(headers);
  out.set('Content-Type', 'text/event-stream');
  out.set('Cache-Control', 'no-cache, no-transform');
  // Ask reverse proxies (nginx) not to buffer the stream.
  out.set('X-Accel-Buffering', 'no');

  return {
    response: new Response(body, { status: 200, headers: out }),
    write: (event) => {
      if (!open || !controller) return false;
      try {
        controller.enqueue(encoder.encode(formatSseEvent(event)));
        return true;
      } catch {
        gone();
        return false;
      }
    },
    close: () => {
      if (!open) return;
      try {
        controller?.close();
      } catch {
        // Already errored or closed by the runtime.
      }
      gone();
    },
    isOpen: () => open,
  };
};
