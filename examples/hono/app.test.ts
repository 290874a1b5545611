import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const { app, close } = createApp();
  const running = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
  base = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
  stop = async () => {
    close();
    await new Promise((resolve) => running.close(resolve));
  };
});
afterAll(() => stop());

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body,
  });

describe('toFetchHandler in a Hono app on @hono/node-server', () => {
  it('serves the SDK client over Streamable HTTP through the Hono route: tools, progress, resources, one session', async () => {
    const client = new Client({ name: 'hono-test', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(`${base}/mcp`));
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('hono-example');
    const sessionId = transport.sessionId;
    expect(sessionId).toBeTruthy();

    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['count']);
    const progress: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { n: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'counted to 3' }]);
    expect(progress).toEqual([1, 2, 3]);

    const invalid = await client.callTool({ name: 'count', arguments: { n: 0 } });
    expect(invalid.isError).toBe(true);

    const about = await client.readResource({ uri: 'app://about' });
    expect(about.contents[0]).toMatchObject({ uri: 'app://about', text: '{"framework":"hono"}' });
    expect(transport.sessionId).toBe(sessionId);

    // Closing ends the session (DELETE through the same route): the id is then unknown.
    await transport.terminateSession();
    await client.close();
    const after = await post(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), {
      'mcp-session-id': sessionId as string,
      'mcp-protocol-version': '2025-06-18',
    });
    expect(after.status).toBe(404);
  });

  it("keeps Hono's own routes and middleware: /health answers, the MCP route carries the middleware's header", async () => {
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get('x-served-by')).toBe('hono');

    const initialized = await post(JSON.stringify(INITIALIZE));
    expect(initialized.status).toBe(200);
    expect(initialized.headers.get('x-served-by')).toBe('hono');
    expect(initialized.headers.get('mcp-session-id')).toBeTruthy();
    await initialized.body?.cancel();
  });

  it('answers a malformed body with a JSON-RPC parse error, and unknown paths with 404', async () => {
    const broken = await post('{"jsonrpc": "2.0", ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: -32700 } });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
