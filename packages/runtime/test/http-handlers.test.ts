import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createNodeServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionHub, toFetchHandler, toNodeHandler } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { connectHttp, createCleanup, initializeMessage, postHeaders, sseReader } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const mcpRequest = (body: unknown, headers: Record<string, string> = {}, url = 'https://mcp.example.com/mcp') =>
  new Request(url, { method: 'POST', headers: postHeaders(headers), body: JSON.stringify(body) });

describe('toFetchHandler', () => {
  it('serves a session over plain Request/Response objects (SSE responses)', async () => {
    const handler = toFetchHandler(createDemoServer());
    cleanup.add(handler.close);
    const init = await handler(mcpRequest(initializeMessage()));
    expect(init.status).toBe(200);
    expect(init.headers.get('content-type')).toBe('text/event-stream');
    const id = init.headers.get('mcp-session-id') as string;
    expect(id).toMatch(/^[\x21-\x7e]{16,}$/);
    const initEvent = await sseReader(init).next();
    expect(JSON.parse(initEvent?.data ?? '')).toMatchObject({ id: 1, result: { serverInfo: { name: 'demo' } } });

    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
    expect((await handler(mcpRequest({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers))).status).toBe(
      202,
    );
    const call = await handler(
      mcpRequest(
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text: 'edge' } } },
        headers,
      ),
    );
    const event = await sseReader(call).next();
    expect(JSON.parse(event?.data ?? '')).toMatchObject({
      id: 2,
      result: { content: [{ type: 'text', text: 'edge' }] },
    });
  });

  it('answers JSON in json mode and ends every session on close()', async () => {
    const handler = toFetchHandler(createDemoServer(), { json: true, path: '/api/mcp' });
    const init = await handler(mcpRequest(initializeMessage(), {}, 'https://x.example/api/mcp'));
    expect(init.headers.get('content-type')).toBe('application/json');
    expect(await init.json()).toMatchObject({ jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-11-25' } });
    const id = init.headers.get('mcp-session-id') as string;
    handler.close();
    const after = await handler(
      mcpRequest({ jsonrpc: '2.0', id: 2, method: 'ping' }, { 'mcp-session-id': id }, 'https://x.example/api/mcp'),
    );
    expect(after.status).toBe(404);
  });

  it('refuses a hub made for another server', () => {
    const hub = createSessionHub(createDemoServer());
    expect(() => toFetchHandler(createDemoServer(), { hub })).toThrow(/different server/);
  });

  it('does not guard hosts unless asked (it cannot know where it is bound), and 404s other paths', async () => {
    const handler = toFetchHandler(createDemoServer());
    const foreign = await handler(mcpRequest(initializeMessage(), { origin: 'https://elsewhere.example' }));
    expect(foreign.status).toBe(200);
    await foreign.body?.cancel();
    expect((await handler(new Request('https://mcp.example.com/other'))).status).toBe(404);
    const guarded = toFetchHandler(createDemoServer(), { allowedHosts: ['mcp.example.com'] });
    expect((await guarded(new Request('https://other.example.com/health'))).status).toBe(403);
    expect((await guarded(new Request('https://mcp.example.com/health'))).status).toBe(200);
    handler.close();
    guarded.close();
  });
});

/** Runs a node:http server around `handler`; `prepare` may mimic a framework (e.g. set req.body). */
const startNode = async (listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> => {
  const server = createNodeServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('toNodeHandler', () => {
  it('serves an SDK client through node:http', async () => {
    const handler = toNodeHandler(createDemoServer());
    cleanup.add(handler.close);
    const base = await startNode((req, res) => handler(req, res));
    const { client } = await connectHttp(cleanup, `${base}/mcp`);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'node' } });
    expect(result.content).toEqual([{ type: 'text', text: 'node' }]);
  });

  it('accepts a body a framework already parsed into req.body', async () => {
    const handler = toNodeHandler(createDemoServer(), { json: true });
    cleanup.add(handler.close);
    const base = await startNode((req, res) => {
      // Mimic express.json(): consume the stream, leave the value on req.body.
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        text += chunk;
      });
      req.on('end', () => {
        if (text) (req as IncomingMessage & { body?: unknown }).body = JSON.parse(text);
        handler(req, res);
      });
    });
    const response = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: postHeaders(),
      body: JSON.stringify(initializeMessage()),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 1, result: { serverInfo: { name: 'demo' } } });
  });

  it('accepts a body left as raw bytes (express.raw) and still caps it', async () => {
    const handler = toNodeHandler(createDemoServer(), { json: true, maxBodyBytes: 300 });
    cleanup.add(handler.close);
    const base = await startNode((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
        handler(req, res);
      });
    });
    const send = (body: unknown) =>
      fetch(`${base}/mcp`, { method: 'POST', headers: postHeaders(), body: JSON.stringify(body) });
    expect(await (await send(initializeMessage())).json()).toMatchObject({ id: 1, result: {} });
    expect((await send({ ...initializeMessage(), pad: 'x'.repeat(400) })).status).toBe(413);
  });

  it('hands unmatched paths to next(), and 404s them without one', async () => {
    const handler = toNodeHandler(createDemoServer());
    cleanup.add(handler.close);
    const base = await startNode((req, res) =>
      handler(req, res, () => {
        res.statusCode = 418;
        res.end('next');
      }),
    );
    const other = await fetch(`${base}/not-mcp`);
    expect(other.status).toBe(418);
    expect(await other.text()).toBe('next');
    const bare = await startNode((req, res) => handler(req, res));
    expect((await fetch(`${bare}/not-mcp`)).status).toBe(404);
  });
});

describe('edge safety', () => {
  it('the HTTP and SSE sources import node:* only as types or lazily', () => {
    const offenders: string[] = [];
    for (const dir of ['http', 'sse']) {
      const root = fileURLToPath(new URL(`../src/${dir}/`, import.meta.url));
      for (const file of readdirSync(root).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(root + file, 'utf8');
        for (const line of source.split('\n')) {
          if (/^\s*(import|export)\s(?!type\b).*from\s+['"]node:/.test(line)) offenders.push(`${dir}/${file}: ${line}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
