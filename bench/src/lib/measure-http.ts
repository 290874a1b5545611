import type { LoadResult } from '../load/types.js';
import type { BenchContext } from './context.js';
import { BASE_HEADERS, openSession } from './mcp-http.js';
import type { Cell } from './report.js';
import { type Library, spawnServer } from './spawn-server.js';

/** One HTTP load scenario for one server. */
export interface HttpCase {
  /** Server flags, e.g. `['--json']`, `['--stateless']`, `['--tools', '1000']`. */
  readonly flags: readonly string[];
  /** Initialize a session first and send its id with every request. */
  readonly stateful: boolean;
  readonly method: string;
  readonly params: object;
  /** Throws unless the server answers correctly (run before any load). */
  readonly verify: (url: string, headers: Record<string, string>) => Promise<void>;
}

const errorsOf = (r: LoadResult): number => r.errors + r.non2xx + r.rpcErrors;

/**
 * Starts `library` in its own process, checks it answers correctly, warms it
 * up, then measures requests/s under the load generator: the median of
 * `ctx.runs` runs.
 */
export const measureHttp = async (ctx: BenchContext, library: Library, test: HttpCase): Promise<Cell> => {
  const server = await spawnServer(library, 'http', test.flags);
  try {
    const url = server.url as string;
    const session = test.stateful ? await openSession(url) : {};
    await test.verify(url, session);
    const spec = {
      url,
      headers: { ...BASE_HEADERS, ...session },
      method: test.method,
      params: test.params,
      connections: ctx.connections,
    };
    if (ctx.warmupSeconds > 0) await ctx.load.run({ ...spec, seconds: ctx.warmupSeconds });
    // Several short runs and their median: on a shared VM one run now and then loses a third of its speed.
    const results: LoadResult[] = [];
    for (let run = 0; run < ctx.runs; run++) results.push(await ctx.load.run({ ...spec, seconds: ctx.seconds }));
    const sorted = [...results].sort((a, b) => a.rps - b.rps);
    const median = sorted[Math.floor(sorted.length / 2)] as LoadResult;
    const errors = results.reduce((sum, r) => sum + errorsOf(r), 0);
    const all = results.map((r) => Math.round(r.rps)).join(', ');
    ctx.log(`  ${library}: ${Math.round(median.rps)} req/s (runs: ${all}), p99 ${median.p99Ms} ms, ${errors} errors`);
    return { value: median.rps, errors, detail: { median, runs: results } };
  } finally {
    await server.close();
  }
};
