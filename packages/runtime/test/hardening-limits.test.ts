/**
 * Resource limits: slow and idle connections are cut off, thousands of
 * sessions stay within `maxSessions` and are freed by eviction, and hung
 * handlers are freed by timeouts without blocking their session. Bounds are
 * asserted structurally (table sizes, statuses), never with timings.
 */
import { connect, type Socket } from 'node:net';
import { timeout } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionHub, toFetchHandler } from '../src/index.js';
import {
  call,
  createHardeningServer,
  expectStillServing,
  finalOf,
  messagesOf,
  rpc,
  textOf,
} from './hardening-helpers.js';
import {
  createCleanup,
  initializeMessage,
  openRawSession,
  post,
  postHeaders,
  startHttp,
  startSse,
} from './http-helpers.js';

const cleanup = createCleanup();
afterEach(async () => {
  vi.useRealTimers();
  await cleanup.run();
});

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });

/** Opens a TCP connection, writes `head` (maybe nothing), and resolves with what the server sent once it closes the socket. */
const cutOff = (port: number, head: string, sockets: Socket[]) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      if (head) socket.write(head);
    });
    sockets.push(socket);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });

describe('hardening: slow and idle clients', () => {
  it('cuts off clients that send their headers too slowly, and idle connections (headersTimeoutMs)', async () => {
    const { url, port } = await startHttp(cleanup, { headersTimeoutMs: 300 }, createHardeningServer());
    const sockets: Socket[] = [];
    cleanup.add(() => {
      for (const s of sockets) s.destroy();
    });
    const partial = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`;
    const slow = Array.from({ length: 20 }, () => cutOff(port, partial, sockets));
    const idle = Array.from({ length: 100 }, () => cutOff(port, '', sockets));
    const session = await openRawSession(url);
    // Served meanwhile, then every slow or idle connection is closed by the server.
    await expectStillServing(url, sessionHeaders(session));
    for (const answer of await Promise.all(slow)) expect(answer).toMatch(/^(HTTP\/1\.1 408|$)/);
    expect(await Promise.all(idle)).toEqual(idle.map(() => expect.stringMatching(/^(HTTP\/1\.1 408|$)/)));
  });

  it('cuts off clients that send their body too slowly (requestTimeoutMs)', async () => {
    const { url, port } = await startHttp(cleanup, { requestTimeoutMs: 300 }, createHardeningServer());
    const sockets: Socket[] = [];
    cleanup.add(() => {
      for (const s of sockets) s.destroy();
    });
    const head =
      `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      'Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n{"jsonrpc":"2.0",';
    const answer = await cutOff(port, head, sockets);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    await expectStillServing(url, sessionHeaders(await openRawSession(url)));
  });

  it('closes the connection of a client that keeps streaming a body after its 413', async () => {
    // Default timeouts: the 413 itself ends the connection.
    const { url, port } = await startHttp(cleanup, { maxBodyBytes: 1024 }, createHardeningServer());
    const socket = connect(port, '127.0.0.1');
    cleanup.add(() => socket.destroy());
    // The server resetting the connection mid-write is the expected outcome.
    socket.on('error', () => {});
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.write(
      `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        'Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    // An endless body: a chunk whenever the socket can take one, until the server hangs up.
    const chunk = `400\r\n${'x'.repeat(1024)}\r\n`;
    const pump = () => {
      while (!socket.destroyed && socket.write(chunk)) {}
    };
    socket.on('drain', pump);
    const timer = setInterval(pump, 5);
    cleanup.add(() => clearInterval(timer));
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    await expectStillServing(url, sessionHeaders(await openRawSession(url)));
  });

  it('lets a response outlast requestTimeoutMs: it bounds receiving the request, not the answer', async () => {
    const { url } = await startHttp(cleanup, { requestTimeoutMs: 200, headersTimeoutMs: 200 }, createHardeningServer());
    const headers = sessionHeaders(await openRawSession(url));
    const answer = finalOf(await messagesOf(await post(url, call(1, 'later', { text: 'late', ms: 1000 }), headers)));
    expect(answer).toMatchObject({ id: 1, result: { content: [{ text: 'late' }] } });
  });

  it('applies the same timeouts to the legacy SSE transport', async () => {
    const { port } = await startSse(cleanup, { headersTimeoutMs: 300 }, createHardeningServer());
    const sockets: Socket[] = [];
    cleanup.add(() => {
      for (const s of sockets) s.destroy();
    });
    expect(await cutOff(port, 'GET /sse HTTP/1.1\r\n', sockets)).toMatch(/^(HTTP\/1\.1 408|$)/);
  });
});

describe('hardening: thousands of sessions', () => {
  const MAX = 500;
  const ATTEMPTS = 3000;

  const fetchTarget = (options: Parameters<typeof toFetchHandler>[1] = {}) => {
    const server = createHardeningServer();
    const hub = createSessionHub(server);
    const handler = toFetchHandler(server, { json: true, hub, ...options });
    cleanup.add(handler.close);
    const send = (body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
      handler(
        new Request('http://localhost/mcp', {
          method,
          headers: postHeaders(headers),
          ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
        }),
      );
    return { hub, send };
  };

  it(`keeps ${ATTEMPTS} initializes within maxSessions (503 beyond it) and frees slots on DELETE`, async () => {
    const { hub, send } = fetchTarget({ maxSessions: MAX });
    const opened: string[] = [];
    let refused = 0;
    for (let i = 0; i < ATTEMPTS; i++) {
      const response = await send(initializeMessage(i));
      if (response.status === 200) opened.push(response.headers.get('mcp-session-id') as string);
      else {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
        expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32603);
        refused += 1;
      }
      expect(hub.sessions.size).toBeLessThanOrEqual(MAX);
    }
    expect([opened.length, refused]).toEqual([MAX, ATTEMPTS - MAX]);
    // Ending sessions frees their slots (in the table and in the hub).
    for (const id of opened.slice(0, 10))
      expect((await send(undefined, sessionHeaders(id), 'DELETE')).status).toBe(204);
    expect(hub.sessions.size).toBe(MAX - 10);
    expect((await send(rpc(1, 'ping'), sessionHeaders(opened[0] as string))).status).toBe(404);
    expect((await send(initializeMessage())).status).toBe(200);
  });

  it('evicts idle sessions after sessionTtlMs: they answer 404 and free the hub and the cap', async () => {
    vi.useFakeTimers();
    const { hub, send } = fetchTarget({ maxSessions: MAX, sessionTtlMs: 60_000 });
    const opened: string[] = [];
    for (let i = 0; i < MAX; i++)
      opened.push((await send(initializeMessage(i))).headers.get('mcp-session-id') as string);
    expect((await send(initializeMessage())).status).toBe(503);
    // One session stays in use; the others idle past the TTL.
    const kept = opened[0] as string;
    await vi.advanceTimersByTimeAsync(40_000);
    expect((await send(rpc(1, 'ping'), sessionHeaders(kept))).status).toBe(200);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(hub.sessions.size).toBe(1);
    for (const id of opened.slice(1, 50)) expect((await send(rpc(1, 'ping'), sessionHeaders(id))).status).toBe(404);
    expect((await send(rpc(1, 'ping'), sessionHeaders(kept))).status).toBe(200);
    expect((await send(initializeMessage())).status).toBe(200);
  });

  it(`leaves no session behind after ${ATTEMPTS} stateless requests`, async () => {
    const { hub, send } = fetchTarget({ stateless: true });
    for (let i = 0; i < ATTEMPTS; i++) {
      const response = await send(call(i, 'echo', { text: 'x' }));
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(hub.sessions.size).toBe(0);
  });

  it('refuses legacy SSE streams beyond maxSessions with 503, and frees a slot when a client hangs up', async () => {
    const { url } = await startSse(cleanup, { maxSessions: 3 }, createHardeningServer());
    const streams = await Promise.all(
      Array.from({ length: 3 }, () => fetch(url, { headers: { accept: 'text/event-stream' } })),
    );
    cleanup.add(() => Promise.all(streams.map((s) => s.body?.cancel())));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(refused.status).toBe(503);
    await refused.body?.cancel();
    // A client hanging up ends its session and frees its slot.
    await streams[0]?.body?.cancel();
    const health = new URL('/health', url);
    while (((await (await fetch(health)).json()) as { sessions: number }).sessions > 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const again = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });
});

describe('hardening: hung handlers', () => {
  it('frees a hung tool with its own timeoutMs, and the id can be reused', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const headers = sessionHeaders(await openRawSession(url));
    for (let round = 0; round < 2; round++) {
      const answer = finalOf(await messagesOf(await post(url, call(9, 'hang'), headers)));
      expect(answer).toMatchObject({ id: 9, result: { isError: true } });
      expect(textOf(answer?.result)).toMatch(/timed out after 100 ms/);
    }
  });

  it('frees a hung handler with the timeout() middleware (-32001)', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer([timeout({ ms: 100 })]));
    const headers = sessionHeaders(await openRawSession(url));
    const answer = finalOf(await messagesOf(await post(url, call(3, 'hang_forever'), headers)));
    expect(answer).toMatchObject({ id: 3, error: { code: -32001 } });
    await expectStillServing(url, headers);
  });

  it('lets a session go on serving while one of its handlers hangs, and DELETE ends the hung stream', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const session = await openRawSession(url);
    const headers = sessionHeaders(session);
    const hung = await Promise.all([1, 2, 3].map((id) => post(url, call(id, 'hang_forever'), headers)));
    expect(hung.map((r) => r.status)).toEqual([200, 200, 200]);
    await expectStillServing(url, headers, 'a');
    const ping = finalOf(await messagesOf(await post(url, rpc(4, 'ping'), headers)));
    expect(ping).toEqual({ jsonrpc: '2.0', id: 4, result: {} });
    // Running ids stay reserved while they hang.
    expect(finalOf(await messagesOf(await post(url, call(1, 'echo', { text: 'x' }), headers)))).toMatchObject({
      id: 1,
      error: { code: -32600 },
    });
    const ended = await fetch(url, { method: 'DELETE', headers });
    expect(ended.status).toBe(204);
    // The hung streams end without an answer; nothing keeps them open.
    for (const response of hung) expect(finalOf(await messagesOf(response))).toBeUndefined();
    expect((await post(url, rpc(5, 'ping'), headers)).status).toBe(404);
  });
});
