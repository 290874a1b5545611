import type { LoadResult, LoadSpec } from '../load/types.js';
import type { BenchContext } from './context.js';
import { cpuSecondsOf } from './cpu.js';
import { BASE_HEADERS, openSession } from './mcp-http.js';
import type { Cell } from './report.js';
import { type ServerName, spawnServer } from './spawn-server.js';

/** One HTTP load scenario for one server. */
export interface HttpCase {
  /** Server flags, e.g. `['--json']`, `['--stateless']`, `['--tools', '1000']`. */
  readonly flags: readonly string[];
  /** Initialize a session first and send its id with every request. */
  readonly stateful: boolean;
  readonly method: string;
  readonly params: object;
  /** Headers sent with every request on top of {@link BASE_HEADERS} (and winning over them), e.g. the 2026 ones. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Throws unless the server answers correctly (run before any load). */
  readonly verify: (url: string, headers: Record<string, string>) => Promise<void>;
}

/** A server started and checked, ready for load. */
export interface PreparedHttp {
  /** What every load run sends (all but its duration). */
  readonly spec: Omit<LoadSpec, 'seconds'>;
  /** CPU seconds the server process has used so far (undefined without `/proc`). */
  readonly cpuSeconds: () => number | undefined;
  /** Stops the server. */
  readonly close: () => Promise<void>;
}

/** What the measured runs of one server gave: their load results and the server's CPU time over them. */
export interface MeasuredRuns {
  readonly results: LoadResult[];
  /** Sum of the server's CPU seconds over the measured runs (start at 0); undefined once it could not be read. */
  cpuSeconds: number | undefined;
}

/** One measured run of `server`, added to `runs` with the server's CPU time over it. */
export const measuredRun = async (ctx: BenchContext, server: PreparedHttp, runs: MeasuredRuns): Promise<void> => {
  const before = server.cpuSeconds();
  runs.results.push(await ctx.load.run({ ...server.spec, seconds: ctx.seconds }));
  const after = server.cpuSeconds();
  runs.cpuSeconds =
    before === undefined || after === undefined || runs.cpuSeconds === undefined
      ? undefined
      : runs.cpuSeconds + after - before;
};

const errorsOf = (r: LoadResult): number => r.errors + r.non2xx + r.rpcErrors;

/** Starts `server` in its own process, opens a session when the case is stateful and checks the answer. */
export const prepareHttp = async (ctx: BenchContext, server: ServerName, test: HttpCase): Promise<PreparedHttp> => {
  const running = await spawnServer(server, 'http', test.flags);
  try {
    const url = running.url as string;
    const session = test.stateful ? await openSession(url) : {};
    const headers = { ...test.headers, ...session };
    await test.verify(url, headers);
    const spec = {
      url,
      headers: { ...BASE_HEADERS, ...headers },
      method: test.method,
      params: test.params,
      connections: ctx.connections,
    };
    return { spec, cpuSeconds: () => cpuSecondsOf(running.child.pid), close: running.close };
  } catch (error) {
    await running.close();
    throw error;
  }
};

/**
 * The cell of several load runs: their median, with every run's errors
 * counted and the server's CPU time per request over all of them; logs one
 * line under `label`.
 */
export const summarizeRuns = (ctx: BenchContext, label: string, { results, cpuSeconds }: MeasuredRuns): Cell => {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor(sorted.length / 2)] as LoadResult;
  const errors = results.reduce((sum, r) => sum + errorsOf(r), 0);
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const cpuUsPerRequest = cpuSeconds === undefined || requests === 0 ? undefined : (cpuSeconds * 1e6) / requests;
  const all = results.map((r) => Math.round(r.rps)).join(', ');
  const cpu = cpuUsPerRequest === undefined ? '' : `, ${cpuUsPerRequest.toFixed(1)} µs CPU/request`;
  ctx.log(`  ${label}: ${Math.round(median.rps)} req/s (runs: ${all}), p99 ${median.p99Ms} ms${cpu}, ${errors} errors`);
  return { value: median.rps, errors, cpuUsPerRequest, detail: { median, runs: results } };
};

/**
 * Starts `library` in its own process, checks it answers correctly, warms it
 * up, then measures requests/s under the load generator: the median of
 * `ctx.runs` runs.
 */
export const measureHttp = async (ctx: BenchContext, library: ServerName, test: HttpCase): Promise<Cell> => {
  const server = await prepareHttp(ctx, library, test);
  try {
    if (ctx.warmupSeconds > 0) await ctx.load.run({ ...server.spec, seconds: ctx.warmupSeconds });
    // Several short runs and their median: on a shared VM one run now and then loses a third of its speed.
    const runs: MeasuredRuns = { results: [], cpuSeconds: 0 };
    for (let run = 0; run < ctx.runs; run++) await measuredRun(ctx, server, runs);
    return summarizeRuns(ctx, library, runs);
  } finally {
    await server.close();
  }
};
