import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The self-signed certificate of 127.0.0.1 the https test servers use (also the CA to trust). */
export const TEST_CERT = readFileSync(new URL('../fixtures/loopback-cert.pem', import.meta.url), 'utf8');
const TEST_KEY = readFileSync(new URL('../fixtures/loopback-key.pem', import.meta.url), 'utf8');

/** A listening server and how to stop it. */
export interface Listening {
  readonly server: Server;
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Listens on 127.0.0.1, a random port; `https` uses the test certificate. */
export const listen = async (handler?: RequestListener, https = false): Promise<Listening> => {
  const server = https ? createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: server as Server,
    origin: `${https ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** The body of a node request as text. */
export const bodyOf = async (req: import('node:http').IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
