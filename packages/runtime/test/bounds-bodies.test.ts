/**
 * Large bodies must not starve small requests: a body with more than
 * `maxJsonValues` values is refused before it is parsed (parse time and heap
 * grow with values, not bytes), while a body as large made of one string is served.
 */
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createHardeningServer,
  expectHttpRpcError,
  expectStillServing,
  finalOf,
  messagesOf,
  textOf,
} from './hardening-helpers.js';
import { createCleanup, initializeMessage, openRawSession, post, startHttp, startSse } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
/** About 4 MiB of JSON holding 1.2 million empty objects. */
const manyObjects = () => Array.from({ length: 1_200_000 }, () => ({}));

describe('bounds: request bodies', () => {
  it('answers 413 to a tools/call holding a million values, before parsing it, and keeps serving', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const id = await openRawSession(url);
    const response = await post(url, call(1, 'echo', { text: 'x', pad: manyObjects() }), sessionHeaders(id));
    const body = await expectHttpRpcError(response, 413, -32600);
    expect(body.error.message).toContain('100000 JSON values');
    await expectStillServing(url, sessionHeaders(id));
  });

  it('serves a body as large made of one string', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const id = await openRawSession(url);
    const text = 'x'.repeat(4 * 1024 * 1024 - 1024);
    const response = await post(url, call(2, 'echo', { text }), sessionHeaders(id));
    expect(response.status).toBe(200);
    expect(textOf(finalOf(await messagesOf(response))?.result)).toHaveLength(text.length);
  });

  it('refuses an initialize whose capabilities hold a million values, creating no session', async () => {
    const { url } = await startHttp(cleanup, {}, createHardeningServer());
    const hello = initializeMessage();
    const message = { ...hello, params: { ...hello.params, capabilities: { experimental: { pad: manyObjects() } } } };
    await expectHttpRpcError(await post(url, message), 413, -32600);
    const health = await (await fetch(new URL('/health', url))).json();
    expect(health.sessions).toBe(0);
  });

  it('applies maxJsonValues to legacy SSE POSTs and lets it be raised', async () => {
    const { url } = await startSse(cleanup, { maxJsonValues: 10 }, createHardeningServer());
    const stream = await fetch(url, { headers: { accept: 'text/event-stream' } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let head = '';
    while (!head.includes('sessionId=')) head += (await reader.read()).value ?? '';
    const endpoint = new URL(/data: (\S+)/.exec(head)?.[1] as string, url);
    const response = await post(endpoint.href, call(1, 'flags', { items: Array.from({ length: 20 }, (_, i) => i) }));
    await expectHttpRpcError(response, 413, -32600);
    await reader.cancel();
  });
});
