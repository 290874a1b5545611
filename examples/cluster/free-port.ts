import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now, for programs that cannot
 * listen on port 0 and report the port (redis-server, nginx).
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
