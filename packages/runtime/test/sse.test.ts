import { CreateMessageRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toSseFetchHandler } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { connectSse, createCleanup, initializeMessage, post, sseReader, startSse } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const textOf = (result: unknown): string =>
  (result as { content: { text?: string }[] }).content.map((c) => c.text ?? '').join('');

/** Opens the event stream by hand and returns the POST URL from its endpoint event. */
const openStream = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = sseReader(response);
  const endpoint = await reader.next();
  expect(endpoint?.event).toBe('endpoint');
  expect(endpoint?.data).toMatch(/^\/messages\?sessionId=[\x21-\x7e]+$/);
  return { reader, postUrl: new URL(endpoint?.data as string, url).toString() };
};

describe('legacy HTTP+SSE', () => {
  it('round-trips with the SDK SSEClientTransport', async () => {
    const running = await startSse(cleanup);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sse$/);
    const client = await connectSse(cleanup, running.url);
    expect(client.getServerVersion()).toEqual({ name: 'demo', version: '1.0.0' });
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('echo');
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: 'legacy' } }))).toBe('legacy');
  });

  it('carries logs and the server’s sampling requests on the stream', async () => {
    const running = await startSse(cleanup);
    const client = await connectSse(cleanup, running.url, { capabilities: { sampling: {} } });
    client.setRequestHandler(CreateMessageRequestSchema, async () => ({
      model: 'm',
      role: 'assistant',
      content: { type: 'text', text: 'yes' },
    }));
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params.data));
    expect(textOf(await client.callTool({ name: 'ask_model', arguments: { question: 'ok?' } }))).toBe(
      'model said: yes',
    );
    await client.callTool({ name: 'log_and_progress', arguments: { steps: 1 } });
    await vi.waitFor(() => expect(logs).toEqual(['starting', { problem: 'none really' }]));
  });

  it('keeps 10 parallel clients apart', async () => {
    const running = await startSse(cleanup);
    const clients = await Promise.all(Array.from({ length: 10 }, () => connectSse(cleanup, running.url)));
    const answers = await Promise.all(
      clients.map(async (client, i) => [
        `#${i}`,
        textOf(await client.callTool({ name: 'echo', arguments: { text: `#${i}` } })),
      ]),
    );
    for (const [sent, got] of answers) expect(got).toBe(sent);
  });

  it('accepts a POST with 202 and answers on the stream', async () => {
    const running = await startSse(cleanup);
    const { reader, postUrl } = await openStream(running.url);
    const accepted = await post(postUrl, initializeMessage(5));
    expect(accepted.status).toBe(202);
    const event = await reader.next();
    expect(event?.event).toBe('message');
    expect(JSON.parse(event?.data ?? '')).toMatchObject({ id: 5, result: { serverInfo: { name: 'demo' } } });
    await reader.cancel();
  });

  it('answers 404 to an unknown session, 400 without one, and ends the session when the stream closes', async () => {
    const running = await startSse(cleanup);
    const messages = new URL('/messages', running.url);
    expect((await post(`${messages}?sessionId=nope`, initializeMessage())).status).toBe(404);
    expect((await post(messages.toString(), initializeMessage())).status).toBe(400);

    const { reader, postUrl } = await openStream(running.url);
    const health = new URL('/health', running.url);
    expect(await (await fetch(health)).json()).toEqual({ status: 'ok', sessions: 1 });
    await reader.cancel();
    await vi.waitFor(async () => expect((await post(postUrl, initializeMessage())).status).toBe(404));
    expect(await (await fetch(health)).json()).toEqual({ status: 'ok', sessions: 0 });
  });

  it('applies the body cap, the content type and JSON checks', async () => {
    const running = await startSse(cleanup, { maxBodyBytes: 512 });
    const { reader, postUrl } = await openStream(running.url);
    const big = await post(postUrl, { ...initializeMessage(), pad: 'x'.repeat(1000) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: -32600 } });
    const bad = await post(postUrl, '{oops');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: -32700 } });
    const text = await fetch(postUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    await reader.cancel();
  });

  it('guards against DNS rebinding on loopback and caps sessions', async () => {
    const running = await startSse(cleanup, { maxSessions: 1 });
    const foreign = await fetch(running.url, {
      headers: { accept: 'text/event-stream', origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const { reader } = await openStream(running.url);
    const second = await fetch(running.url, { headers: { accept: 'text/event-stream' } });
    expect(second.status).toBe(503);
    await reader.cancel();
  });

  it('works as a fetch handler too', async () => {
    const handler = toSseFetchHandler(createDemoServer(), { ssePath: '/events', messagePath: '/rpc' });
    cleanup.add(handler.close);
    const response = await handler(
      new Request('https://x.example/events', { headers: { accept: 'text/event-stream' } }),
    );
    const reader = sseReader(response);
    const endpoint = await reader.next();
    expect(endpoint?.data).toMatch(/^\/rpc\?sessionId=/);
    const accepted = await handler(
      new Request(new URL(endpoint?.data as string, 'https://x.example'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      }),
    );
    expect(accepted.status).toBe(202);
    expect(JSON.parse((await reader.next())?.data ?? '')).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    await reader.cancel();
  });
});
