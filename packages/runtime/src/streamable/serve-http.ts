import type { Server } from '@mcpkit/core';
import type { ListenOptions, RunningServer } from '../http/options.js';
import { serveApp } from '../http/serve-app.js';
import type { RuntimeOptions } from '../lifespan/start-runtime.js';
import { createHttpApp } from './http-app.js';
import type { HttpOptions } from './options.js';

/** Options of {@link serveHttp}: transport, address, and lifespan / onRootsChanged (when no `hub` is given). */
export type ServeHttpOptions = HttpOptions & ListenOptions & RuntimeOptions;

/**
 * Serves `server` over Streamable HTTP on its own node:http server (default
 * 127.0.0.1:3000, endpoint `/mcp`). DNS-rebinding protection is on by default
 * when bound to a loopback address.
 *
 * @example
 * const running = await serveHttp(server, { port: 0 });
 * console.log(running.url); // http://127.0.0.1:54321/mcp
 * await running.close();
 */
export const serveHttp = (server: Server, options: ServeHttpOptions = {}): Promise<RunningServer> =>
  serveApp(server, options, options.path ?? '/mcp', (served) => createHttpApp(server, { ...options, ...served }));
