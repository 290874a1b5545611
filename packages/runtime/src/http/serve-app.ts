import type { Server } from '@mcpkit/core';
import { type RuntimeOptions, startRuntime } from '../lifespan/start-runtime.js';
import type { HttpTransportApp } from './app.js';
import { listen } from './listen.js';
import { toNodeListener } from './node-adapter.js';
import { type CommonHttpOptions, isLoopbackHost, type ListenOptions, type RunningServer } from './options.js';

/** What `serveApp` sets on the transport's options: the runtime's hub, and the rebinding default of the bound host. */
export type ServedAppOptions = Required<Pick<CommonHttpOptions, 'hub' | 'dnsRebindingProtection'>>;

/**
 * Serves an HTTP transport on its own node:http server (default
 * 127.0.0.1:3000): starts the runtime (lifespan, hub), builds the transport
 * with its hub and, when bound to a loopback address, DNS-rebinding
 * protection on by default, and listens; `path` is the URL it reports.
 * Closing stops listening, ends the sessions, then stops the runtime.
 */
export const serveApp = async (
  server: Server,
  options: CommonHttpOptions & ListenOptions & RuntimeOptions,
  path: string,
  build: (served: ServedAppOptions) => HttpTransportApp,
): Promise<RunningServer> => {
  const host = options.host ?? '127.0.0.1';
  const runtime = await startRuntime(server, options);
  const app = build({
    hub: runtime.hub,
    dnsRebindingProtection: options.dnsRebindingProtection ?? isLoopbackHost(host),
  });
  try {
    const running = await listen(toNodeListener(app.router, options), { ...options, host }, path, app.close);
    return { ...running, close: () => running.close().finally(runtime.stop) };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
};
