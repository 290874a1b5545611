/**
 * The shared engine of issue 11, in process: events per second through the
 * event bus (memory bus, the store bus on the memory store, the Redis bus
 * between two instances) and what one Redis round trip costs (a raw PING, the
 * store's get/increment, the event store's write) against the memory store.
 * mcpkit only: the other servers have no counterpart. Needs Debian's
 * redis-server; without it the Redis figures are n/a.
 */
import { existsSync } from 'node:fs';
import type { Store } from '@mcpkit/core';
import type { BusEvent, EventBus } from '@mcpkit/runtime';
import { Redis } from 'ioredis';
// The redis-server the tests use (a free loopback port, no persistence), so bench and tests run Redis one way.
import { REDIS_SERVER_BIN, type RedisServer, startRedisServer } from '../../../packages/redis/test/redis-server.js';
import type { BenchContext } from '../lib/context.js';
import type { Cell, Row } from '../lib/report.js';

const EVENT: BusEvent = { type: 'list_changed', kind: 'tools' };
/** Publishes in flight at once: a busy server publishes without waiting for each. */
const IN_FLIGHT = 256;

/** Events per second from `bus` to a subscriber on `peer`: publish `count`, time until the last arrives. */
const busRate = async (bus: EventBus, peer: EventBus, count: number): Promise<number> => {
  let heard = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stop = await peer.subscribe({ lists: 'all' }, () => {
    heard += 1;
    if (heard === count) finish();
  });
  const started = performance.now();
  for (let sent = 0; sent < count; sent += IN_FLIGHT) {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count - sent) }, () => bus.publish(EVENT)));
  }
  await finished;
  const rate = count / ((performance.now() - started) / 1000);
  stop();
  return rate;
};

/** Microseconds per call of `op`, awaited one at a time (a request's view: each round trip in turn). */
const perCall = async (op: (i: number) => Promise<unknown>, count: number): Promise<number> => {
  for (let i = 0; i < Math.min(200, count); i++) await op(i);
  const started = performance.now();
  for (let i = 0; i < count; i++) await op(i);
  return ((performance.now() - started) * 1000) / count;
};

const cell = (value: number, unit: string, log: (line: string) => void, label: string): Cell => {
  log(`  ${label}: ${value.toFixed(value >= 100 ? 0 : 2)} ${unit}`);
  return { value };
};

const rowOf = (scenario: string, metric: string, value: Cell | undefined, lowerIsBetter = false, notes?: string[]) =>
  ({
    scenario,
    metric,
    lowerIsBetter,
    cells: { mcpkit: value ?? { note: 'n/a' } },
    ...(notes ? { notes } : {}),
  }) satisfies Row;

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';

/** The store/bus rows (mcpkit column only). */
export const storeScenario = async (ctx: BenchContext): Promise<Row[]> => {
  if (!ctx.libraries.includes('mcpkit')) return [];
  // Loaded here, not at the top: the runner builds the packages' dist/ before the scenarios run.
  const { createMemoryStore } = await import('@mcpkit/core');
  const { createMemoryEventBus, createStoreEventBus } = await import('@mcpkit/runtime');
  const { redisEventBus, redisEventStore, redisStore } = await import('@mcpkit/redis');
  ctx.log('shared store: event bus throughput, Redis round trips');
  const events = ctx.quick ? 2000 : 50_000;
  const calls = ctx.quick ? 500 : 10_000;

  const memoryBus = createMemoryEventBus();
  const memoryBusRate = await busRate(memoryBus, memoryBus, events);
  await memoryBus.close();
  const sharedMemory = createMemoryStore();
  const storeBus = createStoreEventBus(sharedMemory);
  const storeBusPeer = createStoreEventBus(sharedMemory);
  const storeBusRate = await busRate(storeBus, storeBusPeer, events);
  await Promise.all([storeBus.close(), storeBusPeer.close()]);
  const memoryStore: Store = createMemoryStore();
  await memoryStore.set('k', 'v');
  const memoryGetUs = await perCall(() => memoryStore.get('k'), calls);

  let redis: RedisServer | undefined;
  const measured: Partial<Record<'bus' | 'ping' | 'get' | 'increment' | 'storeEvent', number>> = {};
  if (!existsSync(REDIS_SERVER_BIN)) {
    ctx.log(`  redis: n/a (no ${REDIS_SERVER_BIN}: apt-get install redis-server)`);
  } else {
    try {
      redis = await startRedisServer();
      const url = redis.url;
      const bus = redisEventBus({ url, keyPrefix: 'bench:' });
      const peer = redisEventBus({ url, keyPrefix: 'bench:' });
      measured.bus = await busRate(bus, peer, events);
      await Promise.all([bus.close(), peer.close()]);

      const raw = new Redis(url);
      measured.ping = await perCall(() => raw.ping(), calls);
      raw.disconnect();
      const store = redisStore({ url, keyPrefix: 'bench:' });
      await store.set('k', 'v');
      measured.get = await perCall(() => store.get('k'), calls);
      measured.increment = await perCall((i) => store.increment(`n${i % 100}`, 1, { ttlMs: 60_000 }), calls);
      await store.close();
      const eventStore = redisEventStore({ url, keyPrefix: 'bench:' });
      const message = { jsonrpc: '2.0' as const, method: 'notifications/progress', params: { progress: 1 } };
      measured.storeEvent = await perCall((i) => eventStore.storeEvent(`stream-${i % 10}`, message), calls);
      await eventStore.close();
    } catch (error) {
      ctx.log(`  redis: failed (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      await redis?.close();
    }
  }

  const log = ctx.log;
  const busNote = `Redis bus ${ratio(measured.bus, memoryBusRate)} the memory bus's events/s, ${ratio(measured.bus, storeBusRate)} the store bus on the memory store's (publisher and subscriber are two instances, each with its own connections)`;
  const tripNote = `a store.get on Redis costs ${ratio(measured.get, measured.ping)} a raw ioredis PING and ${ratio(measured.get, memoryGetUs)} a memory store.get; every figure is one call awaited at a time on loopback`;
  return [
    rowOf('event bus, memory', 'events/s', cell(memoryBusRate, 'events/s', log, 'memory bus')),
    rowOf('event bus, store bus on the memory store', 'events/s', cell(storeBusRate, 'events/s', log, 'store bus')),
    rowOf(
      'event bus, Redis (2 instances)',
      'events/s',
      measured.bus === undefined ? undefined : cell(measured.bus, 'events/s', log, 'redis bus'),
      false,
      [busNote],
    ),
    rowOf('store round trip, memory get', 'µs', cell(memoryGetUs, 'µs', log, 'memory get'), true),
    rowOf(
      'Redis round trip, raw PING',
      'µs',
      measured.ping === undefined ? undefined : cell(measured.ping, 'µs', log, 'redis PING'),
      true,
    ),
    rowOf(
      'Redis round trip, store get',
      'µs',
      measured.get === undefined ? undefined : cell(measured.get, 'µs', log, 'redis get'),
      true,
      [tripNote],
    ),
    rowOf(
      'Redis round trip, store increment with TTL',
      'µs',
      measured.increment === undefined ? undefined : cell(measured.increment, 'µs', log, 'redis increment'),
      true,
    ),
    rowOf(
      'Redis round trip, event store write',
      'µs',
      measured.storeEvent === undefined ? undefined : cell(measured.storeEvent, 'µs', log, 'redis storeEvent'),
      true,
    ),
  ];
};
