import type { AddressInfo } from 'node:net';
import type { NodeHandler } from './node-adapter.js';
import type { ListenOptions, RunningServer } from './options.js';

/** Node's own defaults, kept: 60 s for headers, 5 min for a whole request. */
const DEFAULT_HEADERS_TIMEOUT_MS = 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

/**
 * Starts node:http with `handler` (node:http is imported lazily, so edge
 * bundles never load it). `close` runs `onClose` (ending sessions, which ends
 * their streams), then drops idle keep-alive sockets and stops listening.
 */
export const listen = async (
  handler: NodeHandler,
  options: ListenOptions,
  path: string,
  onClose: () => void,
): Promise<RunningServer> => {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const httpServer = createServer(
    {
      // Node wants headersTimeout <= requestTimeout; 0 disables requestTimeout.
      headersTimeout: requestTimeout > 0 ? Math.min(headersTimeout, requestTimeout) : headersTimeout,
      requestTimeout,
      // Node checks these deadlines only this often (30 s by default): short timeouts need a shorter period.
      connectionsCheckingInterval: Math.max(
        10,
        Math.min(30_000, ...[headersTimeout, requestTimeout].filter((ms) => ms > 0).map((ms) => ms / 2)),
      ),
    },
    handler,
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 3000, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}${path}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        onClose();
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
};
