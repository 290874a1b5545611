/**
 * One instance of the example cluster, as a process: serves the cluster
 * server over Streamable HTTP with Redis for sessions, SSE events and the
 * event bus, then prints `ready <url>`. Configured by the environment:
 * `PORT`, `REDIS_URL`, `INSTANCE`, `INPUT_SECRET`, `KEY_PREFIX`.
 */
import { redisEventBus, redisEventStore, redisStore } from '@mcpkit/redis';
import { serveHttp } from '@mcpkit/runtime';
import { createClusterServer } from './server.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`instance: ${name} is not set`);
  return value;
};

const main = async () => {
  const connection = { url: env('REDIS_URL'), keyPrefix: env('KEY_PREFIX', 'mcpkit:') };
  const store = redisStore(connection);
  const eventStore = redisEventStore(connection);
  const eventBus = redisEventBus(connection);
  const instance = env('INSTANCE');
  const server = createClusterServer({ instance, store, secret: env('INPUT_SECRET') });
  const running = await serveHttp(server, {
    port: Number(env('PORT')),
    host: '127.0.0.1',
    sessionStore: store,
    eventStore,
    eventBus,
    // Behind nginx the Host header is the balancer's: every loopback host is fine.
    allowedHosts: ['127.0.0.1', 'localhost'],
  });
  console.log(`ready ${running.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    await Promise.allSettled([eventBus.close(), eventStore.close(), store.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The cluster holds our stdin open: when it dies (even by SIGKILL), stdin ends and so do we.
  process.stdin.once('end', stop);
  process.stdin.resume();
};

main().catch((error) => {
  console.error('instance failed:', error);
  process.exit(1);
});
