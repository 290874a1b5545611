/**
 * The request and reply shapes every HTTP transport works with. Each server
 * adapter (web `fetch`, `node:http`) fills an {@link HttpRequest} and writes an
 * {@link HttpReply} its own cheapest way; a web `Request` or `Response` is only
 * built when user code asks for one (custom routes, token verifiers).
 */

/** A body a framework already parsed (Express `json()` puts it on `req.body`). */
export interface ParsedBody {
  readonly body: unknown;
}

/** One incoming HTTP request. */
export interface HttpRequest {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** A header's value by lower-case name, repeated headers joined with `, `; null when absent. */
  readonly header: (name: string) => string | null;
  /** The names of the headers present, lower case. */
  readonly headerNames: () => readonly string[];
  /** A query parameter, decoded; null when absent. */
  readonly query: (name: string) => string | null;
  /** The absolute URL the client addressed (built from `Host` on servers that only know the path). */
  readonly url: () => string;
  /** The body's bytes, or undefined once they pass `limit` (the rest is discarded). */
  readonly bytes: (limit: number) => Promise<Uint8Array | undefined>;
  /** The body a framework already parsed, if any. */
  readonly parsed: ParsedBody | undefined;
  /** The same request as a web `Request`, for user code; built on first call. */
  readonly toWeb: () => Request;
}

/** Where an SSE body's text goes once an adapter connects it to the wire. */
export interface SseSink {
  readonly write: (chunk: string) => void;
  /** Ends the body, after `chunk` when given. */
  readonly end: (chunk?: string) => void;
}

/** A streamed `text/event-stream` body. */
export interface SseBody {
  readonly kind: 'sse';
  /** Connects the wire; text written before is sent at once (in one write when the stream already ended). */
  readonly attach: (sink: SseSink) => void;
  /** The client went away. */
  readonly cancel: () => void;
}

/** One outgoing HTTP answer. Header names are lower case. */
export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | SseBody;
}

/** What a handler answers with: our own reply, or a user route's web `Response`. */
export type Reply = HttpReply | Response;

/** Whether a value is a reply rather than what a lookup was after (e.g. a session). */
export const isReply = (value: object): value is HttpReply => 'status' in value && 'headers' in value;

/** Lower-cases the names of `HeadersInit`-like records our own code passes. */
export const lowerHeaders = (headers: Readonly<Record<string, string>> | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  if (headers) for (const name in headers) out[name.toLowerCase()] = headers[name] as string;
  return out;
};
