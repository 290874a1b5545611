import { request as nodeRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createCleanup,
  initializeMessage,
  openRawSession,
  post,
  postHeaders,
  sseReader,
  startHttp,
} from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const ping = (id = 7) => ({ jsonrpc: '2.0', id, method: 'ping' });

/** Asserts an HTTP error whose body is a JSON-RPC error with `code`. */
const expectRpcError = async (response: Response, status: number, code: number, message?: RegExp) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { jsonrpc: string; id: unknown; error: { code: number; message: string } };
  expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code } });
  if (message) expect(body.error.message).toMatch(message);
};

/** Sends a raw request with an arbitrary Host header (fetch may not let us). */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = nodeRequest(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('Streamable HTTP: request validation', () => {
  it('answers 400 to a request without Mcp-Session-Id', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(await post(url, ping()), 400, -32600, /Mcp-Session-Id/);
  });

  it('answers 404 to an unknown session id', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(
      await post(url, ping(), { 'mcp-session-id': 'no-such-session' }),
      404,
      -32600,
      /Session not found/,
    );
  });

  it('answers 400 to initialize carrying a session id', async () => {
    const { url } = await startHttp(cleanup);
    const id = await openRawSession(url);
    await expectRpcError(await post(url, initializeMessage(), { 'mcp-session-id': id }), 400, -32600, /initialize/);
  });

  it('answers 415 to a POST that is not application/json', async () => {
    const { url } = await startHttp(cleanup);
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...postHeaders(), 'content-type': 'text/plain' },
      body: JSON.stringify(initializeMessage()),
    });
    await expectRpcError(response, 415, -32600, /application\/json/);
  });

  it('answers 406 when Accept does not admit text/event-stream', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(await post(url, initializeMessage(), { accept: 'application/json' }), 406, -32600);
    const get = await fetch(url, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(406);
  });

  it('answers 400 with -32700 to malformed JSON', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(await post(url, '{"jsonrpc": "2.0", "id": 1,'), 400, -32700, /not valid JSON/);
  });

  it('answers 400 with -32600 to a batch and to a non-JSON-RPC body', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(await post(url, [initializeMessage()]), 400, -32600, /Batches/);
    await expectRpcError(await post(url, { hello: 'world' }), 400, -32600, /JSON-RPC 2\.0/);
  });

  it('answers 413 to a body over maxBodyBytes, and over the 4 MiB default', async () => {
    const small = await startHttp(cleanup, { maxBodyBytes: 1024 });
    const padded = { ...initializeMessage(), pad: 'x'.repeat(2000) };
    await expectRpcError(await post(small.url, padded), 413, -32600, /1024-byte limit/);
    const normal = await startHttp(cleanup);
    const huge = { ...initializeMessage(), pad: 'x'.repeat(4 * 1024 * 1024 + 1) };
    await expectRpcError(await post(normal.url, huge), 413, -32600);
    // The limit does not reject ordinary bodies.
    expect((await post(small.url, initializeMessage())).status).toBe(200);
  });

  it('answers 413 to an oversized chunked body (no Content-Length) without dropping the connection', async () => {
    const { url } = await startHttp(cleanup, { maxBodyBytes: 1024 });
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = nodeRequest(
        url,
        { method: 'POST', headers: { ...postHeaders(), 'transfer-encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 64; i++) req.write('x'.repeat(256));
      req.end();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: -32600 } });
  });

  it('answers 202 with no body to a notification', async () => {
    const { url } = await startHttp(cleanup);
    const id = await openRawSession(url);
    const response = await post(
      url,
      { jsonrpc: '2.0', method: 'notifications/roots/list_changed' },
      { 'mcp-session-id': id },
    );
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });

  it('checks MCP-Protocol-Version: unsupported is 400; another supported revision or none is fine', async () => {
    const { url } = await startHttp(cleanup);
    const id = await openRawSession(url, '2025-06-18');
    const bad = await post(url, ping(), { 'mcp-session-id': id, 'mcp-protocol-version': '1999-01-01' });
    await expectRpcError(bad, 400, -32600, /unsupported MCP-Protocol-Version/);
    const other = await post(url, ping(), { 'mcp-session-id': id, 'mcp-protocol-version': '2025-03-26' });
    expect(other.status).toBe(200);
    await other.body?.cancel();
    const absent = await post(url, ping(), { 'mcp-session-id': id });
    expect(absent.status).toBe(200);
    const event = await sseReader(absent).next();
    expect(JSON.parse(event?.data ?? '')).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
  });

  it('answers 409 to a second GET stream on one session', async () => {
    const { url } = await startHttp(cleanup);
    const id = await openRawSession(url);
    const headers = { accept: 'text/event-stream', 'mcp-session-id': id };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/event-stream');
    const second = await fetch(url, { headers });
    await expectRpcError(second, 409, -32600, /already has an open GET stream/);
    await first.body?.cancel();
    // Once the first is gone a new one may open.
    await vi.waitFor(async () => {
      const third = await fetch(url, { headers });
      await third.body?.cancel();
      expect(third.status).toBe(200);
    });
  });

  it('sends keep-alive comments on an idle GET stream', async () => {
    const { url } = await startHttp(cleanup, { keepAliveMs: 5 });
    const id = await openRawSession(url);
    const stream = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': id } });
    if (!stream.body) throw new Error('no body');
    const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
    const { value } = await reader.read();
    expect(value).toBe(': keep-alive\n\n');
    await reader.cancel();
  });

  it('answers 405 to GET and DELETE in stateless mode, naming POST as allowed', async () => {
    const { url } = await startHttp(cleanup, { stateless: true });
    const get = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(get.headers.get('allow')).toBe('POST');
    await expectRpcError(get, 405, -32600, /stateless/);
    await expectRpcError(await fetch(url, { method: 'DELETE' }), 405, -32600);
    // No session id is issued.
    const init = await post(url, initializeMessage());
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
  });

  it('answers 405 to an unsupported method on the endpoint, and 404 elsewhere', async () => {
    const { url } = await startHttp(cleanup);
    const put = await fetch(url, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST, GET, DELETE');
    expect((await fetch(new URL('/elsewhere', url))).status).toBe(404);
  });
});

describe('Streamable HTTP: session limits', () => {
  it('answers initialize with 503 at maxSessions, and accepts again after a DELETE', async () => {
    const { url } = await startHttp(cleanup, { maxSessions: 1 });
    const id = await openRawSession(url);
    const refused = await post(url, initializeMessage());
    expect(refused.headers.get('retry-after')).toBe('30');
    await expectRpcError(refused, 503, -32603, /too many sessions/);
    const deleted = await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': id } });
    expect(deleted.status).toBe(204);
    expect(await openRawSession(url)).not.toBe(id);
  });

  it('evicts idle sessions after sessionTtlMs', async () => {
    const { url } = await startHttp(cleanup, { sessionTtlMs: 100 });
    const id = await openRawSession(url);
    await vi.waitFor(
      async () => {
        const response = await post(url, ping(), { 'mcp-session-id': id });
        await response.body?.cancel();
        expect(response.status).toBe(404);
        // Each ping that still finds the session uses it: poll less often than the TTL.
      },
      { timeout: 5000, interval: 250 },
    );
  });

  it('does not evict a session whose GET stream is open', async () => {
    const { url } = await startHttp(cleanup, { sessionTtlMs: 100 });
    const id = await openRawSession(url);
    const stream = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': id } });
    expect(stream.status).toBe(200);
    // Several TTLs pass: the session must survive them all.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const response = await post(url, ping(), { 'mcp-session-id': id });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    await stream.body?.cancel();
  });

  it('answers DELETE of an unknown session with 404, and without an id with 400', async () => {
    const { url } = await startHttp(cleanup);
    expect((await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': 'nope' } })).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(400);
  });
});

describe('Streamable HTTP: DNS-rebinding protection', () => {
  it('is on by default on 127.0.0.1: a foreign Origin gets 403', async () => {
    const { url } = await startHttp(cleanup);
    await expectRpcError(
      await post(url, initializeMessage(), { origin: 'http://evil.example' }),
      403,
      -32600,
      /Origin/,
    );
    // A loopback origin and no origin at all are fine.
    expect((await post(url, initializeMessage(), { origin: 'http://localhost:5173' })).status).toBe(200);
    expect((await post(url, initializeMessage())).status).toBe(200);
  });

  it('is on by default on 127.0.0.1: a foreign Host gets 403', async () => {
    const { url } = await startHttp(cleanup);
    const health = new URL('/health', url).toString();
    const foreign = await rawGet(health, { host: 'evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/Host/) } });
    const port = new URL(url).port;
    expect((await rawGet(health, { host: `localhost:${port}` })).status).toBe(200);
  });

  it('honours allowedHosts and allowedOrigins, and can be switched off', async () => {
    const strict = await startHttp(cleanup, {
      allowedHosts: ['mcp.internal'],
      allowedOrigins: ['https://app.example'],
    });
    const health = new URL('/health', strict.url).toString();
    expect((await rawGet(health, { host: 'mcp.internal:8080' })).status).toBe(200);
    expect((await rawGet(health, { host: '127.0.0.1' })).status).toBe(403);
    expect((await rawGet(health, { host: 'mcp.internal', origin: 'https://app.example' })).status).toBe(200);
    expect((await rawGet(health, { host: 'mcp.internal', origin: 'http://localhost:3000' })).status).toBe(403);

    const open = await startHttp(cleanup, { dnsRebindingProtection: false });
    expect((await rawGet(new URL('/health', open.url).toString(), { host: 'evil.example' })).status).toBe(200);
  });
});

describe('Streamable HTTP: CORS, health and custom routes', () => {
  it('answers a CORS preflight and exposes the MCP headers', async () => {
    const { url } = await startHttp(cleanup, { cors: true });
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, mcp-session-id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, GET, DELETE, OPTIONS');
    const allowed = preflight.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    for (const header of ['content-type', 'mcp-session-id', 'mcp-protocol-version', 'last-event-id', 'authorization']) {
      expect(allowed).toContain(header);
    }
    const init = await post(url, initializeMessage(), { origin: 'http://localhost:5173' });
    expect(init.headers.get('access-control-allow-origin')).toBe('*');
    expect(init.headers.get('access-control-expose-headers')).toBe('Mcp-Session-Id, MCP-Protocol-Version');
    await init.body?.cancel();
  });

  it('restricts CORS to listed origins', async () => {
    const { url } = await startHttp(cleanup, { cors: { origin: ['http://localhost:5173'] } });
    const ok = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('vary')).toBe('Origin');
    const other = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://localhost:9999' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('has no CORS headers unless asked', async () => {
    const { url } = await startHttp(cleanup);
    const init = await post(url, initializeMessage(), { origin: 'http://localhost:5173' });
    expect(init.headers.get('access-control-allow-origin')).toBeNull();
    await init.body?.cancel();
  });

  it('reports health with the live session count', async () => {
    const { url } = await startHttp(cleanup);
    const health = new URL('/health', url);
    expect(await (await fetch(health)).json()).toEqual({ status: 'ok', sessions: 0 });
    const id = await openRawSession(url);
    await openRawSession(url);
    expect(await (await fetch(health)).json()).toEqual({ status: 'ok', sessions: 2 });
    await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': id } });
    expect(await (await fetch(health)).json()).toEqual({ status: 'ok', sessions: 1 });
  });

  it('serves custom routes and can move or drop the health check', async () => {
    const { url } = await startHttp(cleanup, {
      healthPath: false,
      routes: {
        'GET /version': () => Response.json({ version: '1.2.3' }),
        'POST /echo': async (request) => new Response(await request.text(), { status: 201 }),
        'GET /boom': () => {
          throw new Error('secret detail');
        },
      },
    });
    expect(await (await fetch(new URL('/version', url))).json()).toEqual({ version: '1.2.3' });
    const echo = await fetch(new URL('/echo', url), { method: 'POST', body: 'ping' });
    expect(echo.status).toBe(201);
    expect(await echo.text()).toBe('ping');
    expect((await fetch(new URL('/version', url), { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(new URL('/health', url))).status).toBe(404);
    const boom = await fetch(new URL('/boom', url));
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('secret detail');
  });
});
