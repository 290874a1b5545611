/**
 * Replies written together at the end of an event-loop turn
 * (`maxBatchedReplies`): many clients at once, pipelined requests on one
 * connection and both eras each get their own answers, in order, whatever
 * the batch size.
 */
import { connect } from 'node:net';
import { createServer, tool } from '@mcpkit/core';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../src/index.js';
import { connectHttp, createCleanup, openRawSession, post, sseReader, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const MODERN = '2026-07-28';

const echoServer = () =>
  createServer({ name: 'echo', version: '1.0.0' }, [
    tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text }),
    // Answers on a later turn than it was asked: its reply joins another turn's batch.
    tool({
      name: 'later',
      input: v.object({ text: v.string() }),
      run: ({ text }) => new Promise<string>((resolve) => setTimeout(() => resolve(text), 1)),
    }),
  ]);

const call = (id: number, name: string, text: string, modern: boolean) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: {
    name,
    arguments: { text },
    ...(modern
      ? {
          _meta: {
            'io.modelcontextprotocol/protocolVersion': MODERN,
            'io.modelcontextprotocol/clientCapabilities': {},
            'io.modelcontextprotocol/clientInfo': { name: 'batching-test', version: '1' },
          },
        }
      : {}),
  },
});

const headersOf = (name: string, modern: boolean): Record<string, string> =>
  modern
    ? { 'mcp-protocol-version': MODERN, 'mcp-method': 'tools/call', 'mcp-name': name }
    : { 'mcp-protocol-version': '2025-11-25' };

const textOf = (body: { result?: { content?: { text?: string }[] } }) => body.result?.content?.[0]?.text;

describe.each([
  ['the default batch', undefined],
  ['no batching', 0],
  ['batches of two', 2],
])('reply batching: %s', (_name, maxBatchedReplies) => {
  it('answers 120 concurrent requests of both eras, each with its own answer', async () => {
    const running = await startHttp(cleanup, { stateless: true, json: true, maxBatchedReplies }, echoServer());
    const answers = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const modern = i % 2 === 0;
        const name = i % 3 === 0 ? 'later' : 'echo';
        const response = await post(running.url, call(i, name, `text ${i}`, modern), headersOf(name, modern));
        const body = await response.json();
        return { status: response.status, id: body.id, text: textOf(body) };
      }),
    );
    expect(answers).toEqual(Array.from({ length: 120 }, (_, i) => ({ status: 200, id: i, text: `text ${i}` })));
  });

  it('serves SDK clients on stateful sessions, calls in parallel', async () => {
    const running = await startHttp(cleanup, { maxBatchedReplies }, echoServer());
    const clients = await Promise.all(Array.from({ length: 4 }, () => connectHttp(cleanup, running.url)));
    const texts = await Promise.all(
      clients.flatMap(({ client }, c) =>
        Array.from({ length: 10 }, async (_, i) => {
          const result = await client.callTool({ name: i % 2 ? 'later' : 'echo', arguments: { text: `${c}.${i}` } });
          return (result.content as { text: string }[])[0]?.text;
        }),
      ),
    );
    expect(texts).toEqual(clients.flatMap((_, c) => Array.from({ length: 10 }, (_, i) => `${c}.${i}`)));
  });

  it.each([
    ['', {}],
    [' with an event store', { eventStore: createMemoryEventStore() }],
  ])('answers on an SSE stream that ended before it was written%s', async (_what, extra) => {
    const running = await startHttp(cleanup, { maxBatchedReplies, ...extra }, echoServer());
    const session = await openRawSession(running.url);
    const headers = { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' };
    for (const [id, name] of [
      [1, 'echo'],
      [2, 'later'],
      [3, 'echo'],
    ] as const) {
      const response = await post(running.url, call(id, name, `sse ${id}`, false), headers);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      const events = sseReader(response);
      let event = await events.next();
      // An event store primes the stream with an empty event first.
      if (event?.data === '') event = await events.next();
      expect(JSON.parse(event?.data ?? '')).toMatchObject({ id, result: { content: [{ text: `sse ${id}` }] } });
      await events.cancel();
    }
  });

  it('answers pipelined requests on one connection in the order they were sent', async () => {
    const running = await startHttp(cleanup, { stateless: true, json: true, maxBatchedReplies }, echoServer());
    const requests = [0, 1, 2, 3, 4].map((i) => {
      const name = i === 1 ? 'later' : 'echo';
      const body = JSON.stringify(call(i, name, `piped ${i}`, i % 2 === 1));
      const headers = Object.entries({
        host: `127.0.0.1:${running.port}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'content-length': String(Buffer.byteLength(body)),
        ...headersOf(name, i % 2 === 1),
      }).map(([key, value]) => `${key}: ${value}\r\n`);
      return `POST /mcp HTTP/1.1\r\n${headers.join('')}\r\n${body}`;
    });
    const socket = connect(running.port, '127.0.0.1');
    cleanup.add(() => socket.destroy());
    let received = '';
    const texts = await new Promise<string[]>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        const found = [...received.matchAll(/"text":"(piped \d)"/g)].map((match) => match[1] as string);
        if (found.length === requests.length) resolve(found);
      });
      // Every request in one write: the server reads them all in one turn.
      socket.write(requests.join(''));
    });
    expect(texts).toEqual(['piped 0', 'piped 1', 'piped 2', 'piped 3', 'piped 4']);
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(5);
  });
});
