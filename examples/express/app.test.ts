import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import express, { type Express } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, server } from './app.js';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Listens on 127.0.0.1, port 0; resolves with the base URL. */
const listen = async (app: Express, close: () => void) => {
  const running = await new Promise<HttpServer>((resolve) => {
    const http = app.listen(0, '127.0.0.1', () => resolve(http));
  });
  stops.push(async () => {
    close();
    await new Promise((resolve) => running.close(resolve));
  });
  return `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
};

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body,
  });

describe('toNodeHandler in an Express app, after express.json()', async () => {
  const { app, close } = createApp();
  const base = await listen(app, close);

  it('serves the SDK client at /api/mcp from the body express.json() parsed: tools, progress, resources, one session', async () => {
    const client = new Client({ name: 'express-test', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`));
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('express-example');
    const sessionId = transport.sessionId;
    expect(sessionId).toBeTruthy();

    const progress: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { n: 4 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'counted to 4' }]);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect((await client.callTool({ name: 'count', arguments: { n: 'four' } })).isError).toBe(true);

    const about = await client.readResource({ uri: 'app://about' });
    expect(about.contents[0]).toMatchObject({ text: '{"framework":"express"}' });
    expect(transport.sessionId).toBe(sessionId);

    await transport.terminateSession();
    await client.close();
    const after = await post(`${base}/api/mcp`, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), {
      'mcp-session-id': sessionId as string,
      'mcp-protocol-version': '2025-06-18',
    });
    expect(after.status).toBe(404);
  });

  it("keeps Express's routes: /health answers, paths the handler does not serve fall through to Express's 404", async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    const elsewhere = await fetch(`${base}/api/elsewhere`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toContain('Cannot GET /api/elsewhere');
  });

  it('leaves a body express.json() cannot parse to Express (its 400), and keeps serving', async () => {
    const broken = await post(`${base}/api/mcp`, '{"jsonrpc": "2.0", ');
    expect(broken.status).toBe(400);
    const client = new Client({ name: 'express-after-error', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`)));
    expect((await client.listTools()).tools).toHaveLength(1);
    await client.close();
  });
});

describe('toNodeHandler mounted before the body parsers', async () => {
  const mcp = toNodeHandler(server);
  const app = express().use(mcp).use(express.json());
  const base = await listen(app, mcp.close);

  it('reads the body itself: the SDK client is served, and malformed JSON is a JSON-RPC parse error', async () => {
    const client = new Client({ name: 'express-raw', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    expect((await client.callTool({ name: 'count', arguments: { n: 1 } })).content).toEqual([
      { type: 'text', text: 'counted to 1' },
    ]);
    await client.close();
    const broken = await post(`${base}/mcp`, '{"jsonrpc": "2.0", ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: -32700 } });
  });
});
