/**
 * `subscriptions/listen` (2026-07-28) over Streamable HTTP with raw HTTP: the
 * POST's answer is a long-lived SSE stream, acknowledgement first, then only
 * what was asked, each message stamped with the subscription id; keep-alives;
 * a cap on open subscriptions; closing the stream ends the subscription. Also
 * the gate's `Mcp-Param-*` check against the served tools, kept current
 * across a tools list change.
 */
import {
  createServer,
  ErrorCode,
  type JsonObjectSchema,
  mount,
  ProtocolError,
  resource,
  type Server,
  tool,
} from '@mcpkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changingProvider } from '../../core/test/changing-provider.js';
import { createMemoryEventBus, createSessionHub } from '../src/index.js';
import { createCleanup, post, sseReader, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const MODERN = '2026-07-28';
const SUB = 'io.modelcontextprotocol/subscriptionId';
const meta = { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': {} };

/** A modern POST with its mirrored headers. */
const modernPost = (
  url: string,
  id: number | string,
  method: string,
  params: Record<string, unknown> = {},
  extra = {},
) =>
  post(
    url,
    { jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } },
    { 'mcp-protocol-version': MODERN, 'mcp-method': method, ...extra },
  );

/** A tool whose `region` argument is mirrored in the `Mcp-Param-Region` header. */
const regionSchema: JsonObjectSchema = {
  type: 'object',
  properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
};

/** A server with a mount whose tools change at run time, and two resources. */
const listenServer = () => {
  const changing = changingProvider((index) =>
    index === 0
      ? tool({ name: 'v1', run: () => 'one' })
      : tool({ name: `v${index + 1}`, inputSchema: regionSchema, run: () => 'regional' }),
  );
  const server: Server = createServer({ name: 'listen', version: '1.0.0' }, [
    mount(changing.provider),
    resource({ uri: 'demo://a', read: () => 'a' }),
    resource({ uri: 'demo://b', read: () => 'b' }),
  ]);
  const hub = createSessionHub(server);
  return { server, changing, hub };
};

/** Opens a listen stream and returns its reader, the response and the JSON-RPC messages as they come. */
const openListen = async (url: string, id: number | string, notifications: unknown) => {
  const response = await modernPost(url, id, 'subscriptions/listen', { notifications });
  const reader = sseReader(response);
  cleanup.add(() => reader.cancel());
  /** The next JSON-RPC message, skipping keep-alive comments. */
  const nextMessage = async (): Promise<Record<string, unknown> | undefined> => {
    for (;;) {
      const event = await reader.next();
      if (!event) return undefined;
      if (event.data !== '') return JSON.parse(event.data);
    }
  };
  return { response, reader, nextMessage };
};

describe('subscriptions/listen over Streamable HTTP', () => {
  it('acknowledges first, then sends only the requested kinds and URIs, stamped with the subscription id', async () => {
    const { server, changing, hub } = listenServer();
    const running = await startHttp(cleanup, { hub }, server);
    const listen = await openListen(running.url, 'sub-1', {
      toolsListChanged: true,
      resourceSubscriptions: ['demo://a'],
    });
    expect(listen.response.status).toBe(200);
    expect(listen.response.headers.get('content-type')).toBe('text/event-stream');
    expect(listen.response.headers.get('mcp-session-id')).toBeNull();
    expect(await listen.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        _meta: { [SUB]: 'sub-1' },
        notifications: { toolsListChanged: true, resourceSubscriptions: ['demo://a'] },
      },
    });
    hub.resourceUpdated('demo://b');
    changing.announce();
    hub.resourceUpdated('demo://a/part');
    hub.resourceUpdated('demo://a');
    expect(await listen.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/tools/list_changed',
      params: { _meta: { [SUB]: 'sub-1' } },
    });
    expect(await listen.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'demo://a/part', _meta: { [SUB]: 'sub-1' } },
    });
    expect(await listen.nextMessage()).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'demo://a', _meta: { [SUB]: 'sub-1' } },
    });
  });

  it('leaves out of the acknowledgement what the server cannot honour, and refuses a bad filter with -32602', async () => {
    const server = createServer({ name: 'tools-only', version: '1' }, [tool({ name: 't', run: () => 'x' })]);
    const running = await startHttp(cleanup, {}, server);
    const listen = await openListen(running.url, 1, {
      toolsListChanged: true,
      promptsListChanged: true,
      resourceSubscriptions: ['demo://a'],
    });
    expect(await listen.nextMessage()).toMatchObject({ params: { notifications: { toolsListChanged: true } } });
    const bad = await modernPost(running.url, 2, 'subscriptions/listen', {
      notifications: { toolsListChanged: 'yes' },
    });
    expect(bad.headers.get('content-type')).toBe('application/json');
    expect(await bad.json()).toMatchObject({ id: 2, error: { code: -32602 } });
  });

  it('runs through the server middleware like any method: seen, refused, and timed until it ends', async () => {
    const seen: string[] = [];
    const server = createServer({ name: 'guarded', version: '1' }, [tool({ name: 't', run: () => 'x' })], {
      middleware: [
        async (request, ctx, next) => {
          seen.push(request.method);
          if (request.method === 'subscriptions/listen' && ctx.requestId === 'no')
            throw new ProtocolError(ErrorCode.InvalidRequest, 'listening is not allowed for you');
          const result = await next();
          seen.push(`${request.method} ended`);
          return result;
        },
      ],
    });
    const running = await startHttp(cleanup, {}, server);
    const refused = await modernPost(running.url, 'no', 'subscriptions/listen', {
      notifications: { toolsListChanged: true },
    });
    expect(refused.headers.get('content-type')).toBe('application/json');
    expect(await refused.json()).toMatchObject({ id: 'no', error: { code: -32600, message: /not allowed/ } });
    const listen = await openListen(running.url, 'yes', { toolsListChanged: true });
    expect(await listen.nextMessage()).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
    expect(seen).toEqual(['subscriptions/listen', 'subscriptions/listen']);
    // The client leaving ends the request, and the middleware sees it end.
    await listen.reader.cancel();
    await vi.waitFor(() => expect(seen).toContain('subscriptions/listen ended'));
  });

  it('refuses a URI the caller may not read with -32602 naming it, as resources/subscribe does', async () => {
    const server = createServer({ name: 'guarded', version: '1' }, [
      resource({ uri: 'secret://report', requires: { scopes: ['reports'] }, read: () => 'numbers' }),
      resource({ uri: 'demo://a', read: () => 'a' }),
    ]);
    const running = await startHttp(cleanup, {}, server);
    const refused = await modernPost(running.url, 1, 'subscriptions/listen', {
      notifications: { resourceSubscriptions: ['demo://a', 'secret://report'] },
    });
    expect(refused.headers.get('content-type')).toBe('application/json');
    expect(await refused.json()).toMatchObject({ id: 1, error: { code: -32602, data: { uri: 'secret://report' } } });
    const allowed = await openListen(running.url, 2, { resourceSubscriptions: ['demo://a'] });
    expect(await allowed.nextMessage()).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
  });

  it('sends keep-alive comments on a quiet stream', async () => {
    const { server } = listenServer();
    const running = await startHttp(cleanup, { keepAliveMs: 20 }, server);
    const listen = await openListen(running.url, 1, { toolsListChanged: true });
    expect(await listen.reader.next()).toMatchObject({ data: expect.stringContaining('acknowledged') });
    // A keep-alive is an SSE comment: an event with no data.
    expect(await listen.reader.next()).toEqual({ data: '' });
  });

  it('caps open subscriptions (-32600 naming the limit), and closing a stream frees its slot', async () => {
    const { server, changing } = listenServer();
    const running = await startHttp(cleanup, { maxListenStreams: 1 }, server);
    const first = await openListen(running.url, 1, { toolsListChanged: true });
    expect(await first.nextMessage()).toMatchObject({ method: 'notifications/subscriptions/acknowledged' });
    const refused = await modernPost(running.url, 2, 'subscriptions/listen', { notifications: {} });
    expect(await refused.json()).toEqual({
      jsonrpc: '2.0',
      id: 2,
      error: { code: -32600, message: expect.stringContaining('limit 1'), data: { limit: 1 } },
    });
    await first.reader.cancel();
    // The server notices the closed stream; then the slot is free again and the old stream hears nothing.
    await vi.waitFor(async () => {
      const again = await modernPost(running.url, 3, 'subscriptions/listen', {
        notifications: { toolsListChanged: true },
      });
      expect(again.headers.get('content-type')).toBe('text/event-stream');
      const reader = sseReader(again);
      cleanup.add(() => reader.cancel());
      changing.announce();
      expect(await reader.next()).toMatchObject({ data: expect.stringContaining('acknowledged') });
      expect(JSON.parse((await reader.next())?.data ?? '')).toMatchObject({
        method: 'notifications/tools/list_changed',
        params: { _meta: { [SUB]: 3 } },
      });
    });
  });

  it('answers the listen request and ends the stream when the server shuts down', async () => {
    const { server, hub } = listenServer();
    const running = await startHttp(cleanup, { hub }, server);
    const listen = await openListen(running.url, 'bye', { toolsListChanged: true });
    await listen.nextMessage();
    hub.closeAll();
    expect(await listen.nextMessage()).toEqual({
      jsonrpc: '2.0',
      id: 'bye',
      // Like every modern result, it names the server.
      result: {
        resultType: 'complete',
        _meta: { [SUB]: 'bye', 'io.modelcontextprotocol/serverInfo': { name: 'listen', version: '1.0.0' } },
      },
    });
    expect(await listen.reader.next()).toBeUndefined();
  });

  it('a 2025 session and a listen stream hear the same list change and resource update', async () => {
    const { server, changing, hub } = listenServer();
    const running = await startHttp(cleanup, { hub }, server);
    const listen = await openListen(running.url, 7, { toolsListChanged: true, resourceSubscriptions: ['demo://a'] });
    await listen.nextMessage();
    const legacy: string[] = [];
    const session = hub.createSession();
    cleanup.add(() => session.close());
    session.setChannel((message) => legacy.push((message as { method: string }).method));
    await session.receive({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    await session.receive({ jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri: 'demo://a' } });
    changing.announce();
    hub.resourceUpdated('demo://a');
    expect(legacy).toEqual(['notifications/tools/list_changed', 'notifications/resources/updated']);
    expect((await listen.nextMessage())?.method).toBe('notifications/tools/list_changed');
    expect((await listen.nextMessage())?.method).toBe('notifications/resources/updated');
  });
});

describe('an event bus shared by two instances', () => {
  it('carries a resource update published on one to a listen stream on the other', async () => {
    const bus = createMemoryEventBus();
    const first = listenServer();
    const second = listenServer();
    const publisher = createSessionHub(first.server, { eventBus: bus });
    const listener = createSessionHub(second.server, { eventBus: bus });
    const running = await startHttp(cleanup, { hub: listener }, second.server);
    const listen = await openListen(running.url, 'shared', { resourceSubscriptions: ['demo://a'] });
    await listen.nextMessage();
    publisher.resourceUpdated('demo://a');
    expect(await listen.nextMessage()).toMatchObject({
      method: 'notifications/resources/updated',
      params: { uri: 'demo://a', _meta: { [SUB]: 'shared' } },
    });
  });
});

describe('the HTTP gate checks Mcp-Param-* against the served tools', () => {
  it('requires the header of an x-mcp-header argument, and follows a tools list change', async () => {
    const { server, changing, hub } = listenServer();
    const running = await startHttp(cleanup, { hub }, server);
    const call = (id: number, headers: Record<string, string> = {}) =>
      modernPost(
        running.url,
        id,
        'tools/call',
        { name: 'v2', arguments: { region: 'eu' } },
        { 'mcp-name': 'v2', ...headers },
      );
    // Not served yet: no header is expected; the call fails in-band as an unknown tool.
    const unknown = await call(1);
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toMatchObject({ id: 1, error: { code: -32602 } });
    changing.grow();
    changing.announce();
    const missing = await call(2);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      id: 2,
      error: { code: -32020, data: { header: 'Mcp-Param-Region' } },
    });
    const differs = await call(3, { 'mcp-param-region': 'us' });
    expect(differs.status).toBe(400);
    expect(await differs.json()).toMatchObject({ id: 3, error: { code: -32020 } });
    const agrees = await call(4, { 'mcp-param-region': 'eu' });
    expect(agrees.status).toBe(200);
    expect(await agrees.json()).toMatchObject({ id: 4, result: { content: [{ type: 'text', text: 'regional' }] } });
  });
});
