/**
 * A GET stream keeps its session from idle eviction, so its connection has a
 * bounded life (`maxStreamMs`): a client that opens sessions and streams and
 * then only holds the sockets loses them, one that reconnects keeps its own.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionHub, type HttpOptions, serveHttp, toFetchHandler } from '../src/index.js';
import { COUNTER_URI, createDemoServer } from './fixtures/demo-server.js';
import { createHardeningServer, rpc } from './hardening-helpers.js';
import { createCleanup, initializeMessage, postHeaders } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(async () => {
  vi.useRealTimers();
  await cleanup.run();
});

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
const MAX = 5;

const target = (options: HttpOptions) => {
  const server = createHardeningServer();
  const hub = createSessionHub(server);
  const handler = toFetchHandler(server, { json: true, hub, maxSessions: MAX, sessionTtlMs: 60_000, ...options });
  cleanup.add(handler.close);
  const send = (body: unknown, headers: Record<string, string> = {}) =>
    handler(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: postHeaders(headers),
        body: JSON.stringify(body),
      }),
    );
  const openStream = (id: string) =>
    handler(new Request('http://localhost/mcp', { headers: { ...sessionHeaders(id), accept: 'text/event-stream' } }));
  return { hub, send, openStream };
};

/** Reads a stream to its end (keep-alive comments may come first); resolves once the server ended it. */
const ended = async (stream: Response) => {
  const reader = stream.body!.getReader();
  while (!(await reader.read()).done) {}
  return true;
};

/** Opens MAX sessions, each with an open GET stream nobody reads. */
const fill = async (t: ReturnType<typeof target>) => {
  const streams: Response[] = [];
  for (let i = 0; i < MAX; i++) {
    const id = (await t.send(initializeMessage(i))).headers.get('mcp-session-id') as string;
    const stream = await t.openStream(id);
    expect(stream.status).toBe(200);
    streams.push(stream);
  }
  expect((await t.send(initializeMessage())).status).toBe(503);
  return streams;
};

describe('bounds: GET streams and eviction', () => {
  it('ends GET streams after maxStreamMs, so sessions held only by sockets are evicted and free the cap', async () => {
    vi.useFakeTimers();
    const t = target({ maxStreamMs: 120_000 });
    const streams = await fill(t);
    await vi.advanceTimersByTimeAsync(100_000);
    // Past the TTL, but the streams are still open: the sessions stay.
    expect(t.hub.sessions.size).toBe(MAX);
    await vi.advanceTimersByTimeAsync(21_000);
    // The server ended every stream.
    for (const stream of streams) expect(await ended(stream)).toBe(true);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(t.hub.sessions.size).toBe(0);
    expect((await t.send(initializeMessage())).status).toBe(200);
  });

  it('keeps the session of a client that reconnects its stream', async () => {
    vi.useFakeTimers();
    const t = target({ maxStreamMs: 50_000 });
    const id = (await t.send(initializeMessage())).headers.get('mcp-session-id') as string;
    for (let round = 0; round < 6; round++) {
      const stream = await t.openStream(id);
      expect(stream.status).toBe(200);
      await vi.advanceTimersByTimeAsync(50_000);
      expect(await ended(stream)).toBe(true);
    }
    expect((await t.send(rpc(1, 'ping'), sessionHeaders(id))).status).toBe(200);
  });

  it('lets maxStreamMs be Infinity (the old behaviour: a stream holds its session)', async () => {
    vi.useFakeTimers();
    const t = target({ maxStreamMs: Number.POSITIVE_INFINITY });
    await fill(t);
    await vi.advanceTimersByTimeAsync(10 * 60 * 60_000);
    expect(t.hub.sessions.size).toBe(MAX);
  });

  it('is transparent to the SDK client: it reopens its GET stream and keeps hearing updates', async () => {
    const server = createDemoServer();
    const hub = createSessionHub(server);
    const running = await serveHttp(server, { port: 0, hub, maxStreamMs: 300 });
    cleanup.add(running.close);
    let gets = 0;
    const transport = new StreamableHTTPClientTransport(new URL(running.url), {
      fetch: (input, init) => {
        if ((init?.method ?? 'GET') === 'GET') gets++;
        return fetch(input, init);
      },
    });
    const client = new Client({ name: 'reconnecting', version: '1.0.0' });
    cleanup.add(() => client.close());
    await client.connect(transport);
    const heard: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void heard.push(n.params.uri));
    await client.subscribeResource({ uri: COUNTER_URI });
    // The server ended the first GET stream after 300 ms; the client opened another.
    await vi.waitFor(() => expect(gets).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 50 });
    await vi.waitFor(
      () => {
        hub.resourceUpdated(COUNTER_URI);
        expect(heard).toContain(COUNTER_URI);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(await client.ping()).toEqual({});
  });
});
