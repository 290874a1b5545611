import type { Server } from '@mcpkit/core';
import { listen } from '../http/listen.js';
import { toNodeListener } from '../http/node-adapter.js';
import { type HttpOptions, isLoopbackHost, type ListenOptions, type RunningServer } from '../http/options.js';
import { type RuntimeOptions, startRuntime } from '../lifespan/start-runtime.js';
import { createHttpApp } from './http-app.js';

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
export const serveHttp = async (server: Server, options: ServeHttpOptions = {}): Promise<RunningServer> => {
  const host = options.host ?? '127.0.0.1';
  const runtime = await startRuntime(server, options);
  const app = createHttpApp(server, {
    ...options,
    hub: runtime.hub,
    dnsRebindingProtection: options.dnsRebindingProtection ?? isLoopbackHost(host),
  });
  try {
    const path = options.path ?? '/mcp';
    const running = await listen(toNodeListener(app.router, options), { ...options, host }, path, app.close);
    return { ...running, close: () => running.close().finally(runtime.stop) };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
};
