/**
 * Scenario: mcpkit's shared sessions. One mcpkit instance, stateful and
 * stateless JSON `tools/call add(2, 3)`, with its sessions in a memory store
 * and in Redis (a real redis-server on loopback), interleaved in the same
 * runs; plus the store round trips one request costs, counted by the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from '../../../examples/cluster/child.js';
import { freePort } from '../../../examples/cluster/free-port.js';
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, openSession, post, verifyHttp } from '../lib/mcp-http.js';
import type { HttpCase } from '../lib/measure-http.js';
import { type HttpEntry, measureHttpInterleaved } from '../lib/measure-http-interleaved.js';
import type { Cell, Row } from '../lib/report.js';
import { spawnServer } from '../lib/spawn-server.js';

const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
/** Requests sent to count store calls per request. */
const COUNTED_REQUESTS = 200;

const ratio = (over: number | undefined, under: number | undefined): string =>
  over && under ? `${(over / under).toFixed(2)}×` : 'n/a';

const cpu = (cell: Cell | undefined): string =>
  cell?.cpuUsPerRequest === undefined ? 'n/a' : `${cell.cpuUsPerRequest.toFixed(1)} µs`;

/** Store calls one `tools/call` costs on a session, as the server counted them over {@link COUNTED_REQUESTS} calls. */
const storeCallsPerRequest = async (flags: readonly string[], stateful: boolean): Promise<number> => {
  const server = await spawnServer('mcpkit', 'http', flags);
  try {
    const url = server.url as string;
    const headers = stateful ? await openSession(url) : {};
    const calls = async () => ((await (await fetch(new URL('/store-calls', url))).json()) as { calls: number }).calls;
    const before = await calls();
    for (let i = 0; i < COUNTED_REQUESTS; i++) await post(url, { jsonrpc: '2.0', id: i + 1, ...ADD_CALL }, headers);
    return ((await calls()) - before) / COUNTED_REQUESTS;
  } finally {
    await server.close();
  }
};

/** Stateful and stateless `tools/call`, memory store vs Redis store, in one interleaved measurement. */
export const cluster = async (ctx: BenchContext): Promise<Row[]> => {
  if (!ctx.libraries.includes('mcpkit')) return [];
  ctx.log('cluster: one instance, sessions in a memory store vs Redis (stateful and stateless tools/call, json)');
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-bench-redis-'));
  const port = await freePort();
  const redis = await startChild(
    'redis',
    REDIS_SERVER_BIN,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { ready: /Ready to accept connections/ },
  );
  try {
    const memory = ['--json', '--session-store', 'memory'];
    const onRedis = ['--json', '--session-store', 'redis', '--redis-url', `redis://127.0.0.1:${port}`];
    const call = (flags: readonly string[], stateful: boolean): HttpCase => ({
      flags: stateful ? flags : [...flags, '--stateless'],
      stateful,
      ...ADD_CALL,
      verify: verifyHttp,
    });
    const entries: HttpEntry[] = [
      { label: 'stateful, no store', server: 'mcpkit', test: call(['--json'], true) },
      { label: 'stateful, memory store', server: 'mcpkit', test: call(memory, true) },
      { label: 'stateful, Redis store', server: 'mcpkit', test: call(onRedis, true) },
      { label: 'stateless, memory store', server: 'mcpkit', test: call(memory, false) },
      { label: 'stateless, Redis store', server: 'mcpkit', test: call(onRedis, false) },
    ];
    const cells = await measureHttpInterleaved(ctx, entries);
    const byLabel = new Map(entries.map((entry, index) => [entry.label, cells[index] as Cell]));
    const [statefulCalls, statelessCalls] = [
      await storeCallsPerRequest(onRedis, true).catch(() => Number.NaN),
      await storeCallsPerRequest([...onRedis, '--stateless'], false).catch(() => Number.NaN),
    ];
    const row = (label: string): Row => ({
      scenario: `cluster: tools/call, JSON, ${label}`,
      metric: 'req/s',
      cells: { mcpkit: byLabel.get(label) as Cell },
    });
    const statefulMemory = byLabel.get('stateful, memory store')?.value;
    const statefulRedis = byLabel.get('stateful, Redis store')?.value;
    return [
      row('stateful, no store'),
      row('stateful, memory store'),
      {
        ...row('stateful, Redis store'),
        notes: [
          `stateful: Redis ÷ memory store = ${ratio(statefulRedis, statefulMemory)} (target ≥ 0.5×, i.e. within 2×); ` +
            `memory store ÷ no store = ${ratio(statefulMemory, byLabel.get('stateful, no store')?.value)}.`,
          `server CPU per request: no store ${cpu(byLabel.get('stateful, no store'))}, memory store ${cpu(byLabel.get('stateful, memory store'))}, ` +
            `Redis store ${cpu(byLabel.get('stateful, Redis store'))} (steadier than req/s on a busy machine).`,
          `store calls per stateful tools/call: ${statefulCalls.toFixed(2)} (one GET that checks the session record is current; ` +
            'a request that changes nothing writes nothing, and the TTL is refreshed at most every tenth of it).',
        ],
      },
      row('stateless, memory store'),
      {
        ...row('stateless, Redis store'),
        notes: [
          `stateless: Redis ÷ memory store = ${ratio(byLabel.get('stateless, Redis store')?.value, byLabel.get('stateless, memory store')?.value)}; ` +
            `store calls per stateless tools/call: ${statelessCalls.toFixed(2)} (stateless requests keep no session).`,
        ],
      },
    ];
  } finally {
    await redis.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
};
