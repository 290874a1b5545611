/**
 * The example cluster, for real: redis-server, three instances as child
 * processes and nginx in round-robin without stickiness. Clients are the SDK
 * v1 `Client` (2025 sessions) and the SDK v2 client (2026-07-28), speaking
 * through the balancer, or to one instance where a test must know which
 * instance does what.
 */
import { Client as V2Client, StreamableHTTPClientTransport as V2Transport } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ElicitRequestSchema,
  LATEST_PROTOCOL_VERSION,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCleanup, openRawSession, post, sseReader } from '../../packages/runtime/test/http-helpers.js';
import { type Cluster, startCluster } from './cluster.js';
import { BOARD_URI, LIMITED_CAPACITY } from './server.js';

let cluster: Cluster;
const cleanup = createCleanup();

beforeAll(async () => {
  cluster = await startCluster();
}, 120_000);

afterAll(async () => {
  await cleanup.run();
  await cluster?.close();
}, 60_000);

const text = (result: unknown): string =>
  ((result as { content: { text: string }[] }).content[0] as { text: string }).text;

/** A fetch sending each request where `route` says (a URL), recording where each went. */
const routed = (route: (init: RequestInit | undefined) => string) => {
  const log: { method: string; url: string; status: number }[] = [];
  const fetcher = async (_input: string | URL | Request, init?: RequestInit) => {
    const url = route(init);
    const response = await fetch(url, init);
    log.push({ method: init?.method ?? 'GET', url, status: response.status });
    return response;
  };
  return { fetch: fetcher as typeof fetch, log };
};

/** An SDK v1 client (2025 sessions) through `fetcher` (default: the balancer). */
const connectV1 = async (options: { fetch?: typeof fetch; capabilities?: Record<string, unknown> } = {}) => {
  const transport = new StreamableHTTPClientTransport(new URL(cluster.url), { fetch: options.fetch });
  const client = new Client({ name: 'cluster-test', version: '1.0.0' }, { capabilities: options.capabilities ?? {} });
  cleanup.add(() => client.close());
  await client.connect(transport);
  return { client, transport };
};

/** An SDK v2 client pinned to 2026-07-28. */
const connectV2 = async (options: { fetch?: typeof fetch; setup?: (client: V2Client) => void } = {}) => {
  const client = new V2Client(
    { name: 'cluster-test-v2', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: { form: {} } } },
  );
  options.setup?.(client);
  cleanup.add(() => client.close());
  await client.connect(new V2Transport(new URL(cluster.url), { fetch: options.fetch }));
  return client;
};

/** `promise`, or a failure naming `what` (with the cluster's output) if it has not settled after 15 s: a hang. */
const settles = <T>(promise: Promise<T>, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} hung\n${cluster.output().slice(-4000)}`)), 15_000);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
};

const instance = (i: number) => cluster.instances[i] as Cluster['instances'][number];
const isResponse = (init: RequestInit | undefined) =>
  typeof init?.body === 'string' && /"(result|error)"\s*:/.test(init.body) && !/"method"\s*:/.test(init.body);

describe('the example cluster (redis-server, nginx round-robin, three instances)', () => {
  it('serves a session opened through the balancer on every instance, with its state', async () => {
    const { client } = await connectV1();
    const served = new Set<string>();
    await client.callTool({ name: 'remember', arguments: { key: 'colour', value: 'teal' } });
    for (let i = 0; i < 6; i++) {
      served.add(text(await client.callTool({ name: 'whoami', arguments: {} })));
      expect(text(await client.callTool({ name: 'recall', arguments: { key: 'colour' } }))).toBe('teal');
    }
    expect(served).toEqual(new Set(cluster.instances.map((i) => i.name)));
  });

  it('delivers a resource update published on any instance to subscribers on all three, for both eras', async () => {
    const heard: string[][] = [];
    // One 2025 session and one 2026 listen stream held by each instance.
    for (const [i, held] of cluster.instances.entries()) {
      const v1 = heard.push([]) - 1;
      const onlyHere = routed(() => held.url);
      const { client } = await connectV1({ fetch: onlyHere.fetch });
      client.setNotificationHandler(ResourceUpdatedNotificationSchema, (note) => {
        heard[v1]?.push(`v1@${i} ${note.params.uri}`);
      });
      await client.subscribeResource({ uri: BOARD_URI });
      await vi.waitFor(() => expect(onlyHere.log.some((r) => r.method === 'GET' && r.status === 200)).toBe(true));
      const v2 = heard.push([]) - 1;
      const pinned = await connectV2({ fetch: routed(() => held.url).fetch });
      pinned.setNotificationHandler('notifications/resources/updated', (note) => {
        heard[v2]?.push(`v2@${i} ${note.params.uri}`);
      });
      await pinned.listen({ resourceSubscriptions: [BOARD_URI] });
    }
    // Published once on each instance.
    for (const held of cluster.instances) {
      const { client } = await connectV1({ fetch: routed(() => held.url).fetch });
      await client.callTool({ name: 'touch_board', arguments: {} });
    }
    await vi.waitFor(() => expect(heard.map((h) => h.length)).toEqual(heard.map(() => 3)), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.map((h) => h.length)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it("completes an elicitation whose answer is POSTed to another instance than the waiting handler's", async () => {
    const waiting = instance(0);
    const answering = instance(1);
    const split = routed((init) => (isResponse(init) ? answering.url : waiting.url));
    const { client } = await connectV1({ fetch: split.fetch, capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { name: 'Ada' } }));
    expect(text(await client.callTool({ name: 'ask_name', arguments: {} }))).toBe(`hello Ada from ${waiting.name}`);
    // The answer's own POST may finish after the result it unblocked.
    await vi.waitFor(() =>
      expect(split.log.filter((r) => r.url === answering.url)).toEqual([
        { method: 'POST', url: answering.url, status: 202 },
      ]),
    );
    // And through the balancer, wherever the answer lands.
    const { client: balanced } = await connectV1({ capabilities: { elicitation: { form: {} } } });
    balanced.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { name: 'Bo' } }));
    for (let i = 0; i < 3; i++) {
      expect(text(await balanced.callTool({ name: 'ask_name', arguments: {} }))).toMatch(/^hello Bo from instance-/);
    }
  });

  it('serves a 2026-07-28 retry with sealed requestState on another instance (same input secret)', async () => {
    let turn = 0;
    const alternate = routed(() => instance(turn++ % 2).url);
    const pinned = await connectV2({
      fetch: alternate.fetch,
      setup: (client) =>
        client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Cy' } })),
    });
    expect(text(await pinned.callTool({ name: 'ask_name', arguments: {} }))).toMatch(/^hello Cy from instance-[ab]$/);
    const toolCalls = alternate.log.filter((r) => r.method === 'POST');
    expect(new Set(toolCalls.map((r) => r.url)).size).toBe(2);
  });

  it('counts a rate limit across instances', async () => {
    const { client } = await connectV1();
    const outcomes: string[] = [];
    for (let i = 0; i < LIMITED_CAPACITY + 2; i++) {
      try {
        const result = await client.callTool({ name: 'limited', arguments: {} });
        outcomes.push(result.isError ? 'error' : 'ok');
      } catch (error) {
        outcomes.push(/rate|limit|retry/i.test(String(error)) ? 'limited' : `other: ${error}`);
      }
    }
    expect(outcomes).toEqual([...Array(LIMITED_CAPACITY).fill('ok'), 'limited', 'limited']);
  });

  it('resumes a stream after kill -9 of the instance holding it, missing nothing, through another instance', async () => {
    const holder = instance(2);
    const id = await openRawSession(cluster.url);
    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
    const rpc = async (body: unknown) => {
      const response = await post(cluster.url, body, headers);
      await response.body?.cancel();
      expect(response.status).toBe(200);
    };
    await rpc({ jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri: BOARD_URI } });
    const get = await fetch(holder.url, { headers: { ...headers, accept: 'text/event-stream' } });
    expect(get.status).toBe(200);
    const events = sseReader(get);
    const primed = await events.next();
    expect(primed?.id).toBeTruthy();
    for (let i = 0; i < 3; i++) {
      await rpc({ jsonrpc: '2.0', id: 10 + i, method: 'tools/call', params: { name: 'touch_board', arguments: {} } });
    }
    const seen = [await events.next(), await events.next(), await events.next()];
    expect(seen.map((e) => JSON.parse(e?.data ?? '{}').params?.uri)).toEqual([BOARD_URI, BOARD_URI, BOARD_URI]);
    // The client processed only the first update when the holder crashed.
    await holder.stop('SIGKILL');
    const resumed = await fetch(cluster.url, {
      headers: { ...headers, accept: 'text/event-stream', 'last-event-id': seen[0]?.id as string },
    });
    expect(resumed.status).toBe(200);
    const replay = sseReader(resumed);
    const again = [await replay.next(), await replay.next()];
    expect(again.map((e) => e?.id)).toEqual([seen[1]?.id, seen[2]?.id]);
    // The resumed stream is live on its new instance: the next update arrives on it.
    await rpc({ jsonrpc: '2.0', id: 20, method: 'tools/call', params: { name: 'touch_board', arguments: {} } });
    const next = await replay.next();
    expect(JSON.parse(next?.data ?? '{}').params?.uri).toBe(BOARD_URI);
    await replay.cancel();
    await events.cancel();
    await holder.start();
  });

  it('survives a Redis restart: no hung request, no lost acknowledged event, the session goes on', {
    timeout: 60_000,
  }, async () => {
    const { client, transport } = await connectV1();
    await client.callTool({ name: 'remember', arguments: { key: 'k', value: 'v' } });
    // An event acknowledged by the store before the restart.
    const id = transport.sessionId as string;
    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
    const rawId = await openRawSession(cluster.url);
    const rawHeaders = { 'mcp-session-id': rawId, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION };
    const subscribe = await post(
      cluster.url,
      { jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri: BOARD_URI } },
      rawHeaders,
    );
    await subscribe.body?.cancel();
    const get = await fetch(instance(0).url, { headers: { ...rawHeaders, accept: 'text/event-stream' } });
    const events = sseReader(get);
    const primed = await settles(events.next(), 'the priming event');
    await client.callTool({ name: 'touch_board', arguments: {} });
    const acknowledged = await settles(events.next(), 'the acknowledged update');
    expect(acknowledged?.id).toBeTruthy();
    await events.cancel();

    // Calls keep going while Redis restarts: each settles (answer or clear error), none hangs.
    const outcomes: string[] = [];
    const calls = (async () => {
      for (let i = 0; i < 30; i++) {
        try {
          await settles(client.callTool({ name: 'whoami', arguments: {} }), 'a call during the restart');
          outcomes.push('ok');
        } catch (error) {
          outcomes.push(
            /503|Service Unavailable/.test(String(error)) ? '503' : `other: ${String(error).slice(0, 200)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settles(cluster.restartRedis('SIGKILL'), 'the Redis restart');
    await calls;
    expect(outcomes.filter((o) => o !== 'ok' && o !== '503')).toEqual([]);
    // While Redis is down, each call is refused at once with 503 (a JSON-RPC error body), on whichever instance.
    await settles(cluster.stopRedis('SIGKILL'), 'stopping Redis');
    const whileDown: string[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        await settles(client.callTool({ name: 'whoami', arguments: {} }), 'a call while Redis is down');
        whileDown.push('ok');
      } catch (error) {
        whileDown.push(
          /Service Unavailable: the shared session store is unreachable/.test(String(error)) ? '503' : String(error),
        );
      }
    }
    expect(whileDown).toEqual(['503', '503', '503']);
    await settles(cluster.startRedis(), 'starting Redis');
    // Back to normal, same session and state.
    await vi.waitFor(
      async () =>
        expect(text(await settles(client.callTool({ name: 'recall', arguments: { key: 'k' } }), 'recall'))).toBe('v'),
      {
        timeout: 10_000,
      },
    );
    // The acknowledged event is still replayable after the restart.
    const resumed = await fetch(cluster.url, {
      headers: { ...rawHeaders, accept: 'text/event-stream', 'last-event-id': primed?.id as string },
    });
    expect(resumed.status).toBe(200);
    const replay = sseReader(resumed);
    expect((await settles(replay.next(), 'the replayed update'))?.id).toBe(acknowledged?.id);
    await replay.cancel();
    expect(headers['mcp-session-id']).toBe(id);
  });
});
