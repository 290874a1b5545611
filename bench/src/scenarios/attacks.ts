/**
 * Scenario 6: a `ping` from an innocent client while hostile ones attack the
 * same server (issue 16). For each load, ping latency p50 and p99 as a ratio
 * to the same server with no attack, measured in the same run; 1.00× means
 * the attack costs the innocent client nothing.
 *
 * Loads: big bodies (2 clients posting ~4 MiB of `{},` in a loop), slow
 * readers (8 sockets pipelining pings and never reading an answer), and a
 * subscribe flood (4 clients subscribing to ever new 4 KiB URIs). The
 * attackers run in a process of their own (attackers.ts), so their work
 * never delays the pinger's.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../lib/context.js';
import { openSession, verifyHttp } from '../lib/mcp-http.js';
import { attempt, type Cell, type Row } from '../lib/report.js';
import { type Library, spawnServer } from '../lib/spawn-server.js';
import { percentile } from '../lib/stats.js';
import { type Attack, send } from './attackers.js';

const ATTACKS: readonly Attack[] = ['big bodies', 'slow readers', 'subscribe flood'];

const rpc = (id: number, method: string, params?: object) =>
  JSON.stringify(params ? { jsonrpc: '2.0', id, method, params } : { jsonrpc: '2.0', id, method });

/** Pings one at a time until `until`, returning each round trip in ms. */
const pings = async (url: string, headers: Record<string, string>, until: number): Promise<number[]> => {
  const times: number[] = [];
  for (let id = 1; performance.now() < until; id++) {
    const start = performance.now();
    await send(url, headers, rpc(id, 'ping'));
    times.push(performance.now() - start);
  }
  return times;
};

const ATTACKERS = fileURLToPath(new URL('./attackers.ts', import.meta.url));

/** Starts the attackers' process; resolves to its stop function once it attacks. */
const startAttack = (attack: Attack, url: string): Promise<() => Promise<void>> =>
  new Promise((resolve, reject) => {
    const child = fork(ATTACKERS, [attack, url], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      });
    child.once('message', () => resolve(stop));
    child.once('exit', (code) => reject(new Error(`the ${attack} attackers exited with ${code}`)));
  });

interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly count: number;
}

const measure = async (ctx: BenchContext, library: Library): Promise<Record<string, Latency>> => {
  const server = await spawnServer(library, 'http', ['--json']);
  try {
    const url = server.url as string;
    const headers = await openSession(url);
    await verifyHttp(url, headers);
    const seconds = Math.max(2, ctx.seconds);
    // Warm-up, then the baseline with no attack.
    await pings(url, headers, performance.now() + 500);
    const out: Record<string, Latency> = {};
    for (const load of ['none', ...ATTACKS] as const) {
      const stop = load === 'none' ? async () => {} : await startAttack(load, url);
      // Let the attack get going before measuring.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const times = await pings(url, headers, performance.now() + seconds * 1000);
      await stop();
      out[load] = { p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
      ctx.log(`  ${library} ${load}: ping p50 ${out[load].p50.toFixed(2)} ms, p99 ${out[load].p99.toFixed(2)} ms`);
    }
    return out;
  } finally {
    await server.close();
  }
};

/** Ping p50/p99 under each attack, as ratios to no attack; plus the no-attack figures in ms. */
export const attacks = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log('Attacks: ping latency of an innocent client under hostile load');
  const rows: Row[] = [
    { scenario: 'Attacks: ping, no attack', metric: 'p50 ms', lowerIsBetter: true, cells: {} },
    { scenario: 'Attacks: ping, no attack', metric: 'p99 ms', lowerIsBetter: true, cells: {} },
    ...ATTACKS.flatMap((attack): Row[] => [
      { scenario: `Attacks: ping under ${attack}`, metric: 'p50 × no attack', lowerIsBetter: true, cells: {} },
      { scenario: `Attacks: ping under ${attack}`, metric: 'p99 × no attack', lowerIsBetter: true, cells: {} },
    ]),
  ];
  for (const library of ctx.libraries) {
    if (library === 'raw') {
      for (const row of rows) row.cells.raw = { note: '—' };
      continue;
    }
    const cells = await attempt(
      ctx.log,
      library,
      async (): Promise<Cell[]> => {
        const figures = await measure(ctx, library);
        const base = figures.none as Latency;
        return [
          { value: base.p50, detail: figures },
          { value: base.p99 },
          ...ATTACKS.flatMap((attack) => {
            const under = figures[attack] as Latency;
            return [{ value: under.p50 / base.p50 }, { value: under.p99 / base.p99 }];
          }),
        ];
      },
      rows.length,
    );
    cells.forEach((cell, i) => {
      (rows[i] as Row).cells[library] = cell;
    });
  }
  return rows;
};
