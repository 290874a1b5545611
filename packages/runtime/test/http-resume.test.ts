import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryEventStore, type EventStore } from '../src/index.js';
import { COUNTER_URI } from './fixtures/demo-server.js';
import { createCleanup, openRawSession, type ParsedEvent, post, sseReader, startHttp } from './http-helpers.js';
import { flakyFetch, stagedServer } from './resume-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const log = (data: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data },
});

describe('createMemoryEventStore', () => {
  it('replays, in order, only the later events of the same stream', async () => {
    const store = createMemoryEventStore();
    const a1 = await store.storeEvent('a', log('a1'));
    await store.storeEvent('b', log('b1'));
    await store.storeEvent('a', log('a2'));
    await store.storeEvent('a', log('a3'));
    const replayed: [string, JSONRPCMessage][] = [];
    const stream = await store.replayEventsAfter(a1, (id, message) => {
      replayed.push([id, message]);
    });
    expect(stream).toBe('a');
    expect(replayed.map(([, m]) => (m as unknown as { params: { data: string } }).params.data)).toEqual(['a2', 'a3']);
    expect(new Set([a1, ...replayed.map(([id]) => id)]).size).toBe(3);
  });

  it('remembers priming events without replaying them', async () => {
    const store = createMemoryEventStore();
    const primed = await store.storeEvent('s', undefined);
    await store.storeEvent('s', log('x'));
    const replayed: JSONRPCMessage[] = [];
    expect(await store.replayEventsAfter(primed, (_id, m) => void replayed.push(m))).toBe('s');
    expect(replayed).toEqual([log('x')]);
  });

  it('answers undefined for unknown ids and forgets the oldest past maxEvents', async () => {
    const store = createMemoryEventStore({ maxEvents: 2 });
    const first = await store.storeEvent('s', log('1'));
    const second = await store.storeEvent('s', log('2'));
    await store.storeEvent('s', log('3'));
    const send = vi.fn();
    expect(await store.replayEventsAfter('nope', send)).toBeUndefined();
    expect(await store.replayEventsAfter(first, send)).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
    expect(await store.replayEventsAfter(second, send)).toBe('s');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('rejects a nonsensical maxEvents', () => {
    expect(() => createMemoryEventStore({ maxEvents: 0 })).toThrow(RangeError);
  });
});

/** A server whose `staged` tool logs 'one', waits for the test's go, logs 'two' and answers. */

const callStaged = { jsonrpc: '2.0', id: 'call-1', method: 'tools/call', params: { name: 'staged', arguments: {} } };

const dataOf = (event: ParsedEvent | undefined): unknown => JSON.parse(event?.data ?? 'null');

/** Reads events until the stream ends. */
const drain = async (reader: ReturnType<typeof sseReader>): Promise<ParsedEvent[]> => {
  const events: ParsedEvent[] = [];
  for (let event = await reader.next(); event; event = await reader.next()) events.push(event);
  return events;
};

/** Opens a POST stream for `staged`, reads the priming event and 'one', then drops the connection. */
const startAndDrop = async (url: string, headers: Record<string, string>) => {
  const response = await post(url, callStaged, headers);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = sseReader(response);
  const priming = await reader.next();
  expect(priming).toMatchObject({ data: '' });
  expect(priming?.id).toBeTruthy();
  const one = await reader.next();
  expect(dataOf(one)).toMatchObject({ method: 'notifications/message', params: { data: 'one' } });
  expect(one?.id).toBeTruthy();
  await reader.cancel();
  return one?.id as string;
};

describe('Streamable HTTP: resumability', () => {
  const setup = async (store: EventStore = createMemoryEventStore()) => {
    const staged = stagedServer();
    const { url } = await startHttp(cleanup, { eventStore: store }, staged.server);
    const id = await openRawSession(url);
    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
    return { ...staged, url, id, headers };
  };

  it('replays what a dropped POST stream missed, then ends it', async () => {
    const { url, headers, release, state } = await setup();
    const lastEventId = await startAndDrop(url, headers);
    release();
    // The request went on without a connection: disconnection is not cancellation.
    await vi.waitFor(() => expect(state.finished).toBe(true));

    const resumed = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': lastEventId },
    });
    expect(resumed.status).toBe(200);
    const events = await drain(sseReader(resumed));
    expect(events.map(dataOf)).toEqual([
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'two' } },
      { jsonrpc: '2.0', id: 'call-1', result: expect.objectContaining({ content: [{ type: 'text', text: 'done' }] }) },
    ]);
    expect(events.every((e) => e.id)).toBe(true);
  });

  it('continues a stream resumed while its request still runs', async () => {
    const { url, headers, release } = await setup();
    const lastEventId = await startAndDrop(url, headers);
    const resumed = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': lastEventId },
    });
    const reader = sseReader(resumed);
    release();
    const events = await drain(reader);
    expect(
      events.map((e) => (dataOf(e) as { params?: { data: string }; id?: string }).params?.data ?? 'response'),
    ).toEqual(['two', 'response']);
  });

  it('lets the SDK client resume a dropped tool call by itself', async () => {
    const { server, release } = stagedServer();
    const { url } = await startHttp(cleanup, { eventStore: createMemoryEventStore() }, server);
    let dropped = false;
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      // Cuts the tools/call response stream right after the 'one' log, as a flaky network would.
      fetch: flakyFetch(() => {
        dropped = true;
        release();
      }),
      reconnectionOptions: {
        initialReconnectionDelay: 10,
        maxReconnectionDelay: 50,
        reconnectionDelayGrowFactor: 1,
        maxRetries: 5,
      },
    });
    const client = new Client({ name: 'resume-test', version: '1' });
    cleanup.add(() => client.close());
    await client.connect(transport);
    // Without a working resume the answer never comes: fail clearly instead of at the test timeout.
    const result = await client.callTool({ name: 'staged', arguments: {} }, undefined, { timeout: 10_000 });
    expect(dropped).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
  });

  it('replays server messages missed on the standalone GET stream', async () => {
    const { url } = await startHttp(cleanup, { eventStore: createMemoryEventStore() });
    const id = await openRawSession(url);
    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
    const stream = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' } });
    const reader = sseReader(stream);
    const priming = await reader.next();
    expect(priming).toMatchObject({ data: '' });
    await reader.cancel();

    const subscribe = { jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri: COUNTER_URI } };
    await (await post(url, subscribe, headers)).text();
    const bump = { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'bump_counter', arguments: {} } };
    await (await post(url, bump, headers)).text();

    const resumed = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': priming?.id as string },
    });
    const replay = sseReader(resumed);
    expect(dataOf(await replay.next())).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: COUNTER_URI },
    });
    // The standalone stream stays open for what comes next.
    await (await post(url, bump, headers)).text();
    expect(dataOf(await replay.next())).toMatchObject({ method: 'notifications/resources/updated' });
    await replay.cancel();
  });

  it("never replays another session's events", async () => {
    const { url, headers, release } = await setup();
    const lastEventId = await startAndDrop(url, headers);
    release();
    const intruder = await openRawSession(url);
    const response = await fetch(url, {
      headers: { 'mcp-session-id': intruder, accept: 'text/event-stream', 'last-event-id': lastEventId },
    });
    // A fresh standalone stream instead: its priming event, and nothing of the other session.
    expect(response.status).toBe(200);
    const reader = sseReader(response);
    expect(await reader.next()).toMatchObject({ data: '' });
    await reader.cancel();
  });

  it('sends ids only with an event store, and primes only clients on 2025-11-25 or later', async () => {
    const plain = stagedServer();
    plain.release();
    const { url } = await startHttp(cleanup, {}, plain.server);
    const id = await openRawSession(url);
    const events = await drain(sseReader(await post(url, callStaged, { 'mcp-session-id': id })));
    expect(events.length).toBe(3);
    expect(events.every((e) => e.id === undefined && e.data !== '')).toBe(true);

    const old = await setup();
    old.release();
    const oldId = await openRawSession(old.url, '2025-06-18');
    const oldEvents = await drain(sseReader(await post(old.url, callStaged, { 'mcp-session-id': oldId })));
    expect(oldEvents.map((e) => e.data !== '')).toEqual([true, true, true]);
    expect(oldEvents.every((e) => e.id)).toBe(true);
  });
});

describe('Streamable HTTP: an event store that fails', () => {
  it('still delivers answers to the connected client (they are only not resumable)', async () => {
    let failing = false;
    const memory = createMemoryEventStore();
    const eventStore: EventStore = {
      storeEvent: (streamId, message) =>
        failing ? Promise.reject(new Error('event store down')) : memory.storeEvent(streamId, message),
      replayEventsAfter: memory.replayEventsAfter,
    };
    const running = await startHttp(cleanup, { eventStore });
    const client = new Client({ name: 'failing-store', version: '1.0.0' });
    cleanup.add(() => client.close());
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
    failing = true;
    const result = await client.callTool({ name: 'echo', arguments: { text: 'still here' } });
    expect(JSON.stringify(result.content)).toContain('still here');
  });
});
