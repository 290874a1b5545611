import type { Server } from '@mcpkit/core';
import type { RunningServer } from '../http/options.js';
import { serveApp } from '../http/serve-app.js';
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
export const serveSse = (server: Server, options: ServeSseOptions = {}): Promise<RunningServer> =>
  serveApp(server, options, options.ssePath ?? '/sse', (served) => createSseApp(server, { ...options, ...served }));
