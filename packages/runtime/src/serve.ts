import type { Server } from '@mcpkit/core';
import type { ListenOptions } from './http/options.js';
import { type RuntimeOptions, startRuntime } from './lifespan/start-runtime.js';
import type { SessionHub } from './session/hub.js';
import type { StdioOptions } from './stdio/serve-stdio.js';
import type { HttpOptions } from './streamable/options.js';

/** The transports {@link serve} speaks. */
export type TransportKind = 'stdio' | 'http' | 'sse';

/**
 * Options of {@link serve}: the transport, the shared runtime options
 * (lifespan, onRootsChanged) and that transport's own options. Options of
 * other transports are ignored, so one settings object can drive any of them.
 */
export interface ServeOptions<T = unknown>
  extends RuntimeOptions<T>,
    Omit<StdioOptions<T>, keyof RuntimeOptions<T>>,
    HttpOptions,
    ListenOptions {
  /** Default `'stdio'`. */
  readonly transport?: TransportKind;
  /** Legacy SSE: where clients open the event stream; default `'/sse'`. */
  readonly ssePath?: string;
  /** Legacy SSE: where clients POST their messages. */
  readonly messagePath?: string;
}

/** A running server, whatever the transport. */
export interface ServeHandle {
  readonly transport: TransportKind;
  /** The endpoint URL (HTTP and SSE only). */
  readonly url: string | undefined;
  /** The port actually bound (HTTP and SSE only). */
  readonly port: number | undefined;
  /** The hub owning the live sessions. */
  readonly hub: SessionHub;
  /** Tells subscribed sessions that `uri` changed. */
  readonly resourceUpdated: (uri: string) => void;
  /** Stops the transport, closes every session, then stops the lifespan. Idempotent. */
  readonly close: () => Promise<void>;
  /** Resolves once everything stopped: after `close()`, or (stdio) when stdin closed or a signal came. */
  readonly closed: Promise<void>;
}

type Stopper = {
  readonly url?: string;
  readonly port?: number;
  readonly close: () => Promise<void>;
  readonly closed?: Promise<void>;
};

const startTransport = async (server: Server, options: ServeOptions, hub: SessionHub): Promise<Stopper> => {
  const transport = options.transport ?? 'stdio';
  // Each transport loads lazily, so the main entry imports no node:* module at load time.
  if (transport === 'stdio') {
    const { serveStdio } = await import('./stdio/serve-stdio.js');
    return serveStdio(server, { ...options, hub });
  }
  if (transport === 'http') {
    const { serveHttp } = await import('./streamable/serve-http.js');
    return serveHttp(server, { ...options, hub });
  }
  if (transport === 'sse') {
    const { serveSse } = await import('./sse/serve-sse.js');
    return serveSse(server, { ...options, hub });
  }
  throw new TypeError(`serve(): unknown transport ${JSON.stringify(transport)} (use 'stdio', 'http' or 'sse')`);
};

/**
 * Serves `server` over one transport. The lifespan hook runs once before the
 * first session and stops after the last one closes.
 *
 * @example
 * const running = await serve(server, { transport: 'http', port: 3000 });
 * console.error(`listening on ${running.url}`);
 * running.resourceUpdated('config://app');
 * await running.close();
 */
export const serve = async <T = unknown>(server: Server, options: ServeOptions<T> = {}): Promise<ServeHandle> => {
  const runtime = await startRuntime(server, options);
  let stopper: Stopper;
  try {
    stopper = await startTransport(server, options as ServeOptions, runtime.hub);
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const close = () => {
    closing ??= stopper.close().finally(async () => {
      await runtime.stop();
      markClosed();
    });
    return closing;
  };
  // A transport that ends by itself (stdin closed, a signal) still stops the lifespan.
  void stopper.closed?.then(close);
  return {
    transport: options.transport ?? 'stdio',
    url: stopper.url,
    port: stopper.port,
    hub: runtime.hub,
    resourceUpdated: runtime.hub.resourceUpdated,
    close,
    closed,
  };
};
