import type { Server } from '@mcpkit/core';
import { listen } from '../http/listen.js';
import { toNodeListener } from '../http/node-adapter.js';
import { isLoopbackHost, type RunningServer } from '../http/options.js';
import { startRuntime } from '../lifespan/start-runtime.js';
import type { ServeSseOptions } from './options.js';
import { createSseApp } from './sse-app.js';

/**
 * Serves `server` over the legacy HTTP+SSE transport (revision 2024-11-05) on
 * its own node:http server, for clients that predate Streamable HTTP. `url` is
 * the SSE endpoint. DNS-rebinding protection is on by default when bound to a
 * loopback address.
 *
 * @example
 * const running = await serveSse(server, { port: 0 });
 * // connect with new SSEClientTransport(new URL(running.url))
 */
export const serveSse = async (server: Server, options: ServeSseOptions = {}): Promise<RunningServer> => {
  const host = options.host ?? '127.0.0.1';
  const runtime = await startRuntime(server, options);
  const app = createSseApp(server, {
    ...options,
    hub: runtime.hub,
    dnsRebindingProtection: options.dnsRebindingProtection ?? isLoopbackHost(host),
  });
  try {
    const running = await listen(
      toNodeListener(app.router, options),
      { ...options, host },
      options.ssePath ?? '/sse',
      app.close,
    );
    return { ...running, close: () => running.close().finally(runtime.stop) };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
};
