/** One load run: POST JSON-RPC `method` with a fresh id per request. */
export interface LoadSpec {
  readonly url: string;
  /** Extra headers (session id, accept, protocol version). */
  readonly headers: Readonly<Record<string, string>>;
  readonly method: string;
  readonly params: object;
  readonly seconds: number;
  readonly connections: number;
  /**
   * Requests a second to pace the load at (all connections together); as fast
   * as the server answers when absent. Paced runs put the same load on every
   * server, so their CPU per request compares code, not how often the server
   * process sleeps and is woken (which grows as a server slows).
   */
  readonly rate?: number;
}

/** What a load run measured. */
export interface LoadResult {
  /** Completed requests per second (all of them, errors included). */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Socket errors and timeouts. */
  readonly errors: number;
  /** Responses with a status outside 2xx. */
  readonly non2xx: number;
  /** 2xx responses carrying no JSON-RPC result, or a tool error. */
  readonly rpcErrors: number;
}

/** One session-opening run: `initialize` and `notifications/initialized`, alternately. */
export interface SessionLoadSpec {
  readonly url: string;
  /** Headers every request carries (accept, content type, protocol version). */
  readonly headers: Readonly<Record<string, string>>;
  /** The `initialize` body. */
  readonly initialize: string;
  /** The `notifications/initialized` body, sent with the latest session id seen. */
  readonly initialized: string;
  readonly seconds: number;
  readonly connections: number;
}

/** What a session-opening run measured. */
export interface SessionLoadResult {
  /** Sessions opened (initialize answered 200 with an `Mcp-Session-Id`). */
  readonly sessions: number;
  readonly seconds: number;
  /** Socket errors, timeouts and non-2xx responses. */
  readonly errors: number;
}

/** A load generator. */
export interface LoadGenerator {
  /** e.g. `wrk 4.1.0` or `autocannon 8.0.0`. */
  readonly name: string;
  readonly run: (spec: LoadSpec) => Promise<LoadResult>;
  /** Opens sessions as fast as the server takes them, when this generator can (else the runner's own client does). */
  readonly openSessions?: (spec: SessionLoadSpec) => Promise<SessionLoadResult>;
}

/** The JSON-RPC body with `id` spliced in; split so generators can build it cheaply. */
export const bodyParts = (spec: LoadSpec): readonly [string, string] => {
  const rest = JSON.stringify({ method: spec.method, params: spec.params }).slice(1);
  return ['{"jsonrpc":"2.0","id":', `,${rest}`];
};

/** True when a 2xx body carries a successful JSON-RPC result. */
export const isGoodBody = (body: string): boolean => body.includes('"result"') && !body.includes('"isError":true');
