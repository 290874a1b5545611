import { type RunningServer, serveHttp } from '@mcpkit/runtime';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flakyFetch, stagedServer } from '../../runtime/test/resume-helpers.js';
import { type RedisEventStore, redisEventStore } from '../src/index.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

// Persistent Redis (append-only, fsync always): the restart case must find the stream again.
let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer({ appendOnly: true });
});
afterAll(() => redis?.close());

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => {});
});

const callThroughCut = async (store: RedisEventStore, between: () => Promise<void>) => {
  const { server, release } = stagedServer();
  const running: RunningServer = await serveHttp(server, { port: 0, eventStore: store });
  closers.push(() => running.close());
  let cut = false;
  const transport = new StreamableHTTPClientTransport(new URL(running.url), {
    fetch: flakyFetch(() => {
      cut = true;
      void between().then(release);
    }),
    reconnectionOptions: {
      initialReconnectionDelay: 50,
      maxReconnectionDelay: 500,
      reconnectionDelayGrowFactor: 1.5,
      maxRetries: 20,
    },
  });
  const client = new Client({ name: 'resume-on-redis', version: '1' });
  closers.push(() => client.close());
  const logs: string[] = [];
  client.setNotificationHandler(
    (await import('@modelcontextprotocol/sdk/types.js')).LoggingMessageNotificationSchema,
    (notification) => void logs.push(String(notification.params.data)),
  );
  await client.connect(transport);
  const result = await client.callTool({ name: 'staged', arguments: {} }, undefined, { timeout: 15_000 });
  return { cut, result, logs };
};

describe('Streamable HTTP resumability on the Redis event store', () => {
  it('lets the SDK client resume a dropped tool call and miss nothing', async () => {
    const store = redisEventStore({ url: redis.url, keyPrefix: 'resume:' });
    closers.push(() => store.close());
    const { cut, result, logs } = await callThroughCut(store, async () => {});
    expect(cut).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(logs).toEqual(['one', 'two']);
  });

  it('resumes after Redis restarted between the drop and the resume', async () => {
    const store = redisEventStore({ url: redis.url, keyPrefix: 'resume-restart:' });
    closers.push(() => store.close());
    const { cut, result, logs } = await callThroughCut(store, async () => {
      await redis.restart('SIGKILL');
      // The store reconnects by itself; the tool writes 'two' once it can be stored.
      for (let i = 0; i < 200; i++) {
        if (
          await store.storeEvent('probe', undefined).then(
            () => true,
            () => false,
          )
        )
          return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    expect(cut).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(logs).toEqual(['one', 'two']);
  });
});
