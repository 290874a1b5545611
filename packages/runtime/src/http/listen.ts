import type { AddressInfo } from 'node:net';
import type { NodeHandler } from './node-adapter.js';
import type { ListenOptions, RunningServer } from './options.js';

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
  const httpServer = createServer((req, res) => handler(req, res));
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
