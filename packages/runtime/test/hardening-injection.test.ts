/**
 * Injection through headers and through SSE framing: CR/LF and oversized
 * headers never reach the transport (or are refused cleanly), and text a
 * client or a tool controls (names, ids, log messages, results, errors) can
 * never end an SSE event early and forge another one.
 */
import { connect } from 'node:net';
import { createServer, prompt, resource, tool } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore, toFetchHandler } from '../src/index.js';
import {
  call,
  createHardeningServer,
  expectStillServing,
  finalOf,
  messagesOf,
  rpc,
  SSE_INJECTION,
  textOf,
} from './hardening-helpers.js';
import {
  connectHttp,
  createCleanup,
  initializeMessage,
  openRawSession,
  post,
  postHeaders,
  sseReader,
  startHttp,
  startSse,
} from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const open = async (options: Parameters<typeof startHttp>[1] = {}) => {
  const running = await startHttp(cleanup, options, createHardeningServer());
  const id = await openRawSession(running.url);
  return { ...running, headers: { 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION } };
};

/** Sends raw bytes over TCP (fetch refuses CR/LF in headers) and returns the status line's code. */
const rawStatus = (port: number, head: string) =>
  new Promise<number>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
  });

const injectCall = (id: number | string, fail?: 'tool' | 'crash') =>
  rpc(id, 'tools/call', {
    name: 'inject',
    arguments: fail ? { payload: SSE_INJECTION, fail } : { payload: SSE_INJECTION },
    _meta: { progressToken: 'p' },
  });

/** Checks the three messages an inject call sends: log, progress, then its response. */
const expectInjectMessages = (messages: readonly Record<string, unknown>[], id: number | string, isError: boolean) => {
  expect(messages).toHaveLength(3);
  expect(messages[0]).toEqual({
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: { level: 'warning', logger: SSE_INJECTION, data: SSE_INJECTION },
  });
  expect(messages[1]).toMatchObject({
    method: 'notifications/progress',
    params: { progressToken: 'p', progress: 1, total: 2, message: SSE_INJECTION },
  });
  const answer = finalOf(messages);
  expect(answer?.id).toBe(id);
  expect(textOf(answer?.result)).toBe(SSE_INJECTION);
  expect(answer?.result?.isError ?? false).toBe(isError);
};

describe('hardening: header injection', () => {
  it('refuses CR, LF, NUL and folded lines in Mcp-Session-Id and Last-Event-ID, then keeps serving', async () => {
    const { url, port, headers } = await open({ eventStore: createMemoryEventStore() });
    const session = headers['mcp-session-id'];
    const values = [
      `${session}\rX-Injected: 1`,
      `${session}\nX-Injected: 1`,
      `${session}\u0000`,
      `${session}\r\n folded`,
    ];
    for (const name of ['Mcp-Session-Id', 'Last-Event-ID']) {
      for (const value of values) {
        const head =
          `GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nConnection: close\r\n` +
          `${name === 'Mcp-Session-Id' ? '' : `Mcp-Session-Id: ${session}\r\n`}${name}: ${value}\r\n\r\n`;
        expect(await rawStatus(port, head), JSON.stringify(value)).toBe(400);
      }
    }
    await expectStillServing(url, headers);
  });

  it('answers 404 to hostile but well-formed session ids, and 431 to huge headers', async () => {
    const { url, headers } = await open();
    for (const id of [
      '*',
      '%0d%0aX-Injected:%201',
      '../../etc/passwd',
      `${headers['mcp-session-id']}x`,
      'a'.repeat(8000),
    ]) {
      const response = await post(url, rpc(1, 'ping'), { ...headers, 'mcp-session-id': id });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-injected')).toBeNull();
      await response.body?.cancel();
    }
    const huge = await post(url, rpc(1, 'ping'), { ...headers, 'x-padding': 'a'.repeat(64 * 1024) });
    expect(huge.status).toBe(431);
    await expectStillServing(url, headers);
  });

  it('never replays anything for a hostile Last-Event-ID: an ordinary GET stream opens', async () => {
    const { url, headers } = await open({ eventStore: createMemoryEventStore() });
    // Events the hostile ids could point at, were they trusted.
    await messagesOf(await post(url, injectCall(1), headers));
    for (const lastEventId of [
      '0',
      '-1',
      '__proto__',
      'constructor',
      `${headers['mcp-session-id']}.x`,
      'x'.repeat(4000),
    ]) {
      // A fresh session each time: a cancelled GET stream takes a moment to be noticed (409 meanwhile).
      const session = await openRawSession(url);
      const response = await fetch(url, {
        headers: { ...headers, 'mcp-session-id': session, accept: 'text/event-stream', 'last-event-id': lastEventId },
      });
      expect(response.status, lastEventId).toBe(200);
      const reader = sseReader(response);
      const priming = await reader.next();
      // A priming event opens an ordinary stream; a replay would start with a message.
      expect(priming?.data).toBe('');
      expect(priming?.id).toBeDefined();
      await reader.cancel();
    }
    await expectStillServing(url, headers);
  });
});

describe('hardening: SSE framing', () => {
  it('keeps a tool log message, progress message, result and errors inside their own events', async () => {
    const { url, headers } = await open();
    for (const [id, fail] of [
      [1, undefined],
      [2, 'tool'],
      [3, 'crash'],
    ] as const) {
      const response = await post(url, injectCall(id, fail), headers);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expectInjectMessages(await messagesOf(response), id, fail !== undefined);
    }
    await expectStillServing(url, headers);
  });

  it('keeps event ids intact with an event store', async () => {
    const { url, headers } = await open({ eventStore: createMemoryEventStore() });
    const response = await post(url, injectCall(1), headers);
    const reader = sseReader(response);
    const events = [];
    for (let event = await reader.next(); event; event = await reader.next()) events.push(event);
    // Priming, log, progress, response: no forged event, and every id is the store's.
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.event)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    expect(events.map((e) => e.id)).not.toContain('99');
    expectInjectMessages(
      events.slice(1).map((e) => JSON.parse(e.data)),
      1,
      false,
    );
  });

  it('keeps client-chosen names and ids inside their events', async () => {
    const { url, headers } = await open();
    const byName = await messagesOf(await post(url, call(1, SSE_INJECTION, {}), headers));
    expect(byName).toHaveLength(1);
    expect(byName[0]).toMatchObject({ id: 1, error: { code: -32602 } });
    expect((byName[0] as { error: { message: string } }).error.message).toContain(JSON.stringify(SSE_INJECTION));
    const byMethod = await messagesOf(await post(url, rpc(2, SSE_INJECTION), headers));
    expect(byMethod).toEqual([
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: `Method not found: ${SSE_INJECTION}` } },
    ]);
    const byId = await messagesOf(await post(url, call(SSE_INJECTION, 'echo', { text: SSE_INJECTION }), headers));
    expect(byId).toHaveLength(1);
    expect(byId[0]).toMatchObject({ id: SSE_INJECTION, result: { content: [{ type: 'text', text: SSE_INJECTION }] } });
    await expectStillServing(url, headers);
  });

  it('keeps injected text inside events on the GET stream (json mode)', async () => {
    const { url, headers } = await open({ json: true });
    const stream = sseReader(await fetch(url, { headers: { ...headers, accept: 'text/event-stream' } }));
    cleanup.add(stream.cancel);
    const response = await post(url, injectCall(1), headers);
    expect(finalOf(await messagesOf(response))).toMatchObject({
      id: 1,
      result: { content: [{ text: SSE_INJECTION }] },
    });
    const log = await stream.next();
    const progress = await stream.next();
    expect(JSON.parse(log?.data ?? '')).toMatchObject({
      method: 'notifications/message',
      params: { data: SSE_INJECTION },
    });
    expect(JSON.parse(progress?.data ?? '')).toMatchObject({ params: { message: SSE_INJECTION } });
    expect([log?.event, progress?.event]).toEqual([undefined, undefined]);
  });

  it("delivers injected text intact to the SDK's own client", async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const { client } = await connectHttp(cleanup, url);
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params.data);
    });
    const progress: unknown[] = [];
    const result = await client.callTool({ name: 'inject', arguments: { payload: SSE_INJECTION } }, undefined, {
      onprogress: (p) => progress.push(p.message),
    });
    expect(textOf(result as never)).toBe(SSE_INJECTION);
    expect([logs, progress]).toEqual([[SSE_INJECTION], [SSE_INJECTION]]);
  });

  it('keeps injected text inside `message` events on the legacy SSE transport', async () => {
    const { url } = await startSse(cleanup, {}, createHardeningServer());
    const stream = sseReader(await fetch(url, { headers: { accept: 'text/event-stream' } }));
    cleanup.add(stream.cancel);
    const endpoint = await stream.next();
    expect(endpoint?.event).toBe('endpoint');
    const messages = new URL(endpoint?.data ?? '', url).href;
    expect((await post(messages, initializeMessage(0))).status).toBe(202);
    expect((await stream.next())?.event).toBe('message');
    expect((await post(messages, { jsonrpc: '2.0', method: 'notifications/initialized' })).status).toBe(202);
    expect((await post(messages, injectCall(1, 'tool'))).status).toBe(202);
    const events = [await stream.next(), await stream.next(), await stream.next()];
    expect(events.map((e) => e?.event)).toEqual(['message', 'message', 'message']);
    expectInjectMessages(
      events.map((e) => JSON.parse(e?.data ?? '')),
      1,
      true,
    );
  });
});

describe('hardening: CORS', () => {
  it('never grants credentialed access to any origin when no explicit origin is configured', async () => {
    const handler = toFetchHandler(createHardeningServer(), { cors: { credentials: true } });
    cleanup.add(handler.close);
    const evil = 'https://evil.example';
    const preflight = await handler(
      new Request('http://localhost/mcp', {
        method: 'OPTIONS',
        headers: { origin: evil, 'access-control-request-method': 'POST' },
      }),
    );
    const response = await handler(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { ...postHeaders(), origin: evil },
        body: JSON.stringify(initializeMessage()),
      }),
    );
    await response.body?.cancel();
    for (const r of [preflight, response]) {
      const credentialed = r.headers.get('access-control-allow-credentials') === 'true';
      expect(credentialed && r.headers.get('access-control-allow-origin') === evil).toBe(false);
    }
    // An explicit origin does get credentials.
    const trusted = toFetchHandler(createHardeningServer(), {
      cors: { credentials: true, origin: ['https://app.example'] },
    });
    cleanup.add(trusted.close);
    const ok = await trusted(new Request('http://localhost/health', { headers: { origin: 'https://app.example' } }));
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('hardening: DNS rebinding with hostile Host and Origin values', () => {
  it('refuses look-alike hosts and origins on a loopback server, and keeps serving', async () => {
    const { url, port, headers } = await open();
    const hosts = [
      'evil.example',
      `evil.example:${port}`,
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      'localhost.',
      `127.0.0.1.:${port}`,
      '0x7f.0.0.1',
      '2130706433',
      '[::ffff:7f00:1]',
    ];
    for (const host of hosts) {
      const head = `GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
      expect(await rawStatus(port, head), host).toBe(403);
    }
    const origins = [
      'null',
      'http://evil.example',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'file://',
    ];
    for (const origin of origins) {
      const response = await post(url, call(1, 'echo', { text: 'x' }), { ...headers, origin });
      expect(response.status, origin).toBe(403);
      await response.body?.cancel();
    }
    await expectStillServing(url, headers);
  });
});

describe('hardening: error masking', () => {
  const secret = 'password=hunter2 at /srv/app/db.ts:42';
  const crashing = createServer(
    { name: 'masked', version: '1.0.0' },
    [
      tool({
        name: 'crash',
        run: () => {
          throw new Error(secret);
        },
      }),
      resource({
        uri: 'secret://x',
        read: () => {
          throw new Error(secret);
        },
      }),
      prompt({
        name: 'crash',
        render: () => {
          throw new Error(secret);
        },
      }),
    ],
    {
      maskErrorDetails: true,
      middleware: [
        async (request, _ctx, next) => {
          if (request.method === 'tools/list') throw new Error(secret);
          return next();
        },
      ],
    },
  );

  it('with maskErrorDetails, never sends an unexpected error message to the client', async () => {
    const running = await startHttp(
      cleanup,
      { json: true, routes: { 'GET /boom': () => Promise.reject(new Error(secret)) } },
      crashing,
    );
    const headers = {
      'mcp-session-id': await openRawSession(running.url),
      'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
    };
    const requests = [
      call(1, 'crash', {}),
      rpc(2, 'resources/read', { uri: 'secret://x' }),
      rpc(3, 'prompts/get', { name: 'crash' }),
      rpc(4, 'tools/list'),
    ];
    for (const request of requests) {
      const response = await post(running.url, request, headers);
      const text = await response.text();
      expect(text).toMatch(/"id":\d/);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('db.ts');
    }
    const route = await fetch(new URL('/boom', running.url));
    expect(route.status).toBe(500);
    expect(await route.text()).not.toContain('hunter2');
  });
});
