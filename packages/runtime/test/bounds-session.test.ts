/**
 * What a session keeps for a client is bounded: its hello (capabilities and
 * clientInfo) per session and across sessions, and its subscriptions in count
 * and URI length; a caller may not subscribe to a resource it may not read.
 */
import { createServer, resource } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createSessionHub, serveHttp } from '../src/index.js';
import { connectWithToken } from './auth-helpers.js';
import { createHardeningServer, messagesOf, rpc } from './hardening-helpers.js';
import { connectHttp, createCleanup, initializeMessage, openRawSession, post, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
/** An initialize whose capabilities carry `objects` empty objects and whose clientInfo is unique. */
const bigHello = (objects: number, name = crypto.randomUUID()) => {
  const hello = initializeMessage();
  return {
    ...hello,
    params: {
      ...hello.params,
      clientInfo: { name, version: '1' },
      capabilities: { experimental: { pad: Array.from({ length: objects }, () => ({})) } },
    },
  };
};
/** An initialize whose capabilities carry a `chars`-long string (too long for the hub to share). */
const paddedHello = (chars: number) => {
  const hello = initializeMessage();
  return { ...hello, params: { ...hello.params, capabilities: { experimental: { pad: 'x'.repeat(chars) } } } };
};
const answerOf = async (response: Response) =>
  (await messagesOf(response))[0] as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
const sessions = async (url: string) => (await (await fetch(new URL('/health', url))).json()).sessions as number;

describe('bounds: what a session keeps from initialize', () => {
  it('refuses an initialize whose capabilities would hold more than maxHelloBytes, creating no session', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    // 5 000 empty objects: 15 KB of JSON, ~250 KB of heap.
    const response = await post(url, bigHello(5000));
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const answer = await answerOf(response);
    expect(answer.error).toMatchObject({ code: -32602, message: expect.stringContaining('maxHelloBytes') });
    expect(await sessions(url)).toBe(0);
    // An ordinary client is served.
    expect((await post(url, initializeMessage())).headers.get('mcp-session-id')).toBeTruthy();
  });

  it('caps the total across sessions (maxTotalHelloBytes): -32000 with retryAfterMs, and frees it when a session ends', async () => {
    const { url } = await startHttp(
      cleanup,
      { maxTotalHelloBytes: 300_000, maxHelloBytes: 64 * 1024 },
      createHardeningServer(),
    );
    const opened: string[] = [];
    let refused: Awaited<ReturnType<typeof answerOf>> | undefined;
    // ~30 KB each: about ten fit, then the total is reached.
    for (let i = 0; i < 20 && !refused; i++) {
      const response = await post(url, paddedHello(30_000));
      const id = response.headers.get('mcp-session-id');
      if (id) {
        opened.push(id);
        await response.body?.cancel();
      } else refused = await answerOf(response);
    }
    expect(opened.length).toBeGreaterThan(2);
    expect(opened.length).toBeLessThan(20);
    expect(refused?.error).toMatchObject({ code: -32000, data: { retryAfterMs: expect.any(Number) } });
    await fetch(url, { method: 'DELETE', headers: sessionHeaders(opened[0] as string) });
    expect((await post(url, paddedHello(30_000))).headers.get('mcp-session-id')).toBeTruthy();
    // Small clients share one hello and never count.
    expect((await post(url, initializeMessage())).headers.get('mcp-session-id')).toBeTruthy();
  });
});

describe('bounds: subscriptions', () => {
  const subscribe = async (url: string, id: string, uri: string, requestId = 1) =>
    answerOf(await post(url, rpc(requestId, 'resources/subscribe', { uri }), sessionHeaders(id)));

  it('caps subscriptions per session (maxSubscriptions) and URI length (maxSubscriptionUriLength)', async () => {
    const { url } = await startHttp(cleanup, { maxSubscriptions: 3 }, createHardeningServer());
    const id = await openRawSession(url);
    for (const uri of ['a://1', 'a://2', 'a://3', 'a://1']) expect((await subscribe(url, id, uri)).result).toEqual({});
    expect((await subscribe(url, id, 'a://4')).error).toMatchObject({
      code: -32602,
      message: expect.stringContaining('maxSubscriptions'),
    });
    await post(url, rpc(2, 'resources/unsubscribe', { uri: 'a://2' }), sessionHeaders(id));
    expect((await subscribe(url, id, 'a://4')).result).toEqual({});
    expect((await subscribe(url, id, `a://${'x'.repeat(5000)}`)).error).toMatchObject({
      code: -32602,
      message: expect.stringContaining('maxSubscriptionUriLength'),
    });
  });

  it('refuses to subscribe a caller to a resource it may not read, so it never hears of its updates', async () => {
    const server = createServer({ name: 'scoped', version: '1.0.0' }, [
      resource({ uri: 'admin://{id}', requires: { scopes: ['admin'] }, read: ({ id }) => `secret ${id}` }),
      resource({ uri: 'open://news', read: () => 'news' }),
    ]);
    const hub = createSessionHub(server);
    const keys = new Map([
      ['root-key', { subject: 'root', scopes: ['admin'], claims: {} }],
      ['user-key', { subject: 'user', scopes: [], claims: {} }],
    ]);
    const running = await serveHttp(server, { port: 0, hub, auth: bearer({ verify: (token) => keys.get(token) }) });
    cleanup.add(running.close);
    const root = await connectWithToken(cleanup, running.url, () => 'root-key');
    const user = await connectWithToken(cleanup, running.url, () => 'user-key');
    const heard: string[] = [];
    root.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void heard.push(`root ${n.params.uri}`));
    user.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void heard.push(`user ${n.params.uri}`));
    await expect(user.subscribeResource({ uri: 'admin://1' })).rejects.toMatchObject({ code: -32002 });
    await expect(user.readResource({ uri: 'admin://1' })).rejects.toMatchObject({ code: -32002 });
    await root.subscribeResource({ uri: 'admin://1' });
    await user.subscribeResource({ uri: 'open://news' });
    hub.resourceUpdated('admin://1');
    hub.resourceUpdated('open://news');
    // Both notifications are out once the next round trips are answered.
    await root.ping();
    await user.ping();
    expect(heard.sort()).toEqual(['root admin://1', 'user open://news']);
  });
});

describe('bounds: session limits over the in-process SDK client', () => {
  it('keeps ordinary clients working with the defaults', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const { client } = await connectHttp(cleanup, url);
    expect(await client.ping()).toEqual({});
  });
});

describe('bounds: sessions per identity', () => {
  it('gives one identity at most maxSessionsPerIdentity sessions (503 + Retry-After), leaving others their slots', async () => {
    const server = createHardeningServer();
    const keys = new Map([
      ['a-key', { subject: 'a', scopes: [], claims: {} }],
      ['b-key', { subject: 'b', scopes: [], claims: {} }],
    ]);
    const running = await serveHttp(server, {
      port: 0,
      maxSessionsPerIdentity: 2,
      auth: bearer({ verify: (token) => keys.get(token) }),
    });
    cleanup.add(running.close);
    const open = (key: string) => post(running.url, initializeMessage(), { authorization: `Bearer ${key}` });
    const first = await open('a-key');
    await open('a-key');
    const third = await open('a-key');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBeTruthy();
    expect((await open('b-key')).status).toBe(200);
    // Ending one of a's sessions frees its slot.
    await fetch(running.url, {
      method: 'DELETE',
      headers: { ...sessionHeaders(first.headers.get('mcp-session-id') as string), authorization: 'Bearer a-key' },
    });
    expect((await open('a-key')).status).toBe(200);
  });
});
