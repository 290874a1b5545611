import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestContext } from '@mcpkit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { SendError, sendRequest } from './send-request.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** An API on 127.0.0.1:0 that never answers, and tells when a request arrived and when its connection closed. */
const silentApi = async () => {
  let arrived!: () => void;
  let closed!: () => void;
  const received = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const aborted = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const server = createServer(() => arrived());
  // Watched per connection, not per request: under load the abort can beat the request handler.
  server.on('connection', (socket) => socket.once('close', closed));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, received, aborted };
};

const OPERATION = { method: 'GET', path: '/x', operationId: undefined };
const settings = { fetch, timeoutMs: 30_000, headers: undefined, maxResponseBytes: 1000 };

describe('sendRequest', () => {
  test('cancelling the MCP request aborts the API call, which fails as cancelled', async () => {
    const api = await silentApi();
    const controller = new AbortController();
    const ctx = createTestContext({ signal: controller.signal });
    const sent = sendRequest({ url: api.url, method: 'GET', headers: {}, body: undefined }, settings, ctx, OPERATION);
    await api.received;
    controller.abort();
    await expect(sent).rejects.toThrow(new SendError(`GET ${api.url} was cancelled`));
    await api.aborted;
  });

  test('the timeout aborts the API call', async () => {
    const api = await silentApi();
    const sent = sendRequest(
      { url: api.url, method: 'GET', headers: {}, body: undefined },
      { ...settings, timeoutMs: 300 },
      createTestContext(),
      OPERATION,
    );
    await expect(sent).rejects.toThrow(`GET ${api.url} timed out after 300 ms`);
    await api.aborted;
  });
});
