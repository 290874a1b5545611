/**
 * SSE backpressure: a client that never reads its stream gets that stream
 * dropped once `maxStreamBufferBytes` wait for it, instead of the server
 * buffering everything; with an event store it resumes where it stopped; other
 * sessions are served all along. Raw TCP, because the attack is not reading.
 */
import { connect, type Socket } from 'node:net';
import { createServer, tool } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore, type ServeHttpOptions, toFetchHandler } from '../src/index.js';
import { call, expectStillServing, finalOf, messagesOf } from './hardening-helpers.js';
import { createCleanup, openRawSession, postHeaders, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const CHUNK = 64 * 1024;

/** Resolves once `flood` returned, whatever became of its stream. */
let finished: Promise<void> = Promise.resolve();
let finish = () => {};

/** `flood` logs `count` messages of 64 KiB, yielding between them, then answers 'done'. */
const floodServer = () =>
  createServer({ name: 'flood', version: '1.0.0' }, [
    tool({
      name: 'flood',
      input: v.object({ count: v.number() }),
      run: async ({ count }, ctx) => {
        const text = 'x'.repeat(CHUNK);
        for (let i = 0; i < count; i++) {
          ctx.log.warning(text);
          await new Promise((resolve) => setImmediate(resolve));
        }
        setImmediate(finish);
        return 'done';
      },
    }),
    tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text }),
  ]);

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });

/**
 * POSTs `body` over a raw socket and reads nothing until `flood` has returned;
 * then reads what arrived until the connection ends.
 */
const postWithoutReading = (url: string, headers: Record<string, string>, body: unknown, sockets: Socket[]) => {
  finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return new Promise<string>((resolve) => {
    const { hostname, port, pathname } = new URL(url);
    const text = JSON.stringify(body);
    const socket = connect(Number(port), hostname, () => {
      const head = Object.entries({ ...postHeaders(headers), host: `${hostname}:${port}` })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`POST ${pathname} HTTP/1.1\r\n${head}content-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    });
    // Not reading: the kernel buffers fill, then the server's queue would grow.
    socket.pause();
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      // A stream that is still open after the answer was sent was not dropped.
      if (`${received.slice(-16)}${text}`.includes('"result"')) socket.destroy();
      received += text;
    });
    // A reset (the server dropped us with data unsent) ends the read like a close.
    socket.on('error', () => {});
    socket.on('close', () => resolve(received));
    void finished.then(() => socket.resume());
  });
};

const start = async (options: ServeHttpOptions) => {
  const running = await startHttp(cleanup, options, floodServer());
  const sockets: Socket[] = [];
  cleanup.add(() => {
    for (const socket of sockets) socket.destroy();
  });
  return { ...running, sockets };
};

describe('bounds: SSE backpressure', () => {
  it('drops the stream of a client that stops reading, and keeps serving everyone else', async () => {
    const { url, sockets } = await start({ maxStreamBufferBytes: 256 * 1024 });
    const slow = await openRawSession(url);
    const other = await openRawSession(url);
    // 512 × 64 KiB = 32 MiB of logs: the server must give up long before.
    const received = await postWithoutReading(url, sessionHeaders(slow), call(1, 'flood', { count: 512 }), sockets);
    expect(received).toMatch(/^HTTP\/1.1 200/);
    expect(received).not.toContain('"result"');
    // At most what the kernel buffers held, plus the allowed backlog: far from 32 MiB.
    expect(received.length).toBeLessThan(16 * 1024 * 1024);
    await expectStillServing(url, sessionHeaders(other));
    // The slow session itself is still there for a reading client.
    await expectStillServing(url, sessionHeaders(slow), 'again');
  });

  it('lets the dropped client resume from the event store and get its answer', async () => {
    const { url, sockets } = await start({
      maxStreamBufferBytes: 256 * 1024,
      eventStore: createMemoryEventStore({ maxBytes: 64 * 1024 * 1024 }),
    });
    const slow = await openRawSession(url);
    const received = await postWithoutReading(url, sessionHeaders(slow), call(7, 'flood', { count: 200 }), sockets);
    // The priming event's id (sent first) is where the client resumes from.
    const primed = /id: (\S+)\n/.exec(received)?.[1];
    expect(primed).toBeDefined();
    expect(received).not.toContain('"result"');
    const resumed = await fetch(url, {
      headers: { ...sessionHeaders(slow), accept: 'text/event-stream', 'last-event-id': primed as string },
    });
    expect(resumed.status).toBe(200);
    const messages = await messagesOf(resumed);
    expect(finalOf(messages)).toMatchObject({ id: 7, result: { content: [{ type: 'text', text: 'done' }] } });
    expect(messages.filter((m) => m.method === 'notifications/message')).toHaveLength(200);
  });

  it('fails the web stream of a fetch handler whose consumer stops reading', async () => {
    const handler = toFetchHandler(floodServer(), { maxStreamBufferBytes: 256 * 1024 });
    cleanup.add(handler.close);
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      handler(
        new Request('http://localhost/mcp', {
          method: 'POST',
          headers: postHeaders(headers),
          body: JSON.stringify(body),
        }),
      );
    const init = await send({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'web', version: '1' } },
    });
    const id = init.headers.get('mcp-session-id') as string;
    await init.body?.cancel();
    finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const flood = await send(call(1, 'flood', { count: 64 }), sessionHeaders(id));
    expect(flood.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Nothing read until the tool is done: 4 MiB of logs were offered to a 256 KiB queue.
    await finished;
    const reader = flood.body!.getReader();
    let text = '';
    const read = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        text += new TextDecoder().decode(value);
      }
    };
    await expect(read()).rejects.toThrow(/not reading/);
    expect(text).not.toContain('"result"');
    expect(text.length).toBeLessThanOrEqual(256 * 1024 + CHUNK + 1024);
  });
});
