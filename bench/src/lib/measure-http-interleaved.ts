import type { BenchContext } from './context.js';
import {
  type HttpCase,
  type MeasuredRuns,
  measuredRun,
  type PreparedHttp,
  prepareHttp,
  summarizeRuns,
} from './measure-http.js';
import { type Cell, failedCell } from './report.js';
import type { ServerName } from './spawn-server.js';

/** One figure of an interleaved measurement: a server, the case it is measured on and the label of its log line. */
export interface HttpEntry {
  readonly label: string;
  readonly server: ServerName;
  readonly test: HttpCase;
}

/**
 * Measures several servers in one go: every one is started and checked first
 * (one that fails becomes an `n/a` cell), each is warmed up, then their
 * measured runs take turns (A B C, A B C, ...), each figure the median of its
 * own `ctx.runs` runs. A slow minute on a shared machine then falls on all of
 * them alike, so the ratios between them hold better than between figures
 * taken one server after the other. With `rate` every run, warm-up
 * included, is paced. Cells come back in `entries` order.
 */
export const measureHttpInterleaved = async (
  ctx: BenchContext,
  entries: readonly HttpEntry[],
  /** Requests a second to pace every measured run at (see `LoadSpec.rate`); as fast as possible when absent. */
  rate?: number,
): Promise<Cell[]> => {
  const cells: Cell[] = entries.map(() => ({ note: 'n/a' }));
  const ready: { index: number; server: PreparedHttp; runs: MeasuredRuns }[] = [];
  try {
    for (const [index, entry] of entries.entries()) {
      try {
        const prepared = await prepareHttp(ctx, entry.server, entry.test);
        const server = rate === undefined ? prepared : { ...prepared, spec: { ...prepared.spec, rate } };
        ready.push({ index, server, runs: { results: [], cpuSeconds: 0 } });
      } catch (error) {
        cells[index] = failedCell(ctx.log, entry.label, error);
      }
    }
    if (ctx.warmupSeconds > 0)
      for (const { server } of ready) await ctx.load.run({ ...server.spec, seconds: ctx.warmupSeconds });
    for (let run = 0; run < ctx.runs; run++) for (const { server, runs } of ready) await measuredRun(ctx, server, runs);
    for (const { index, runs } of ready) cells[index] = summarizeRuns(ctx, (entries[index] as HttpEntry).label, runs);
    return cells;
  } finally {
    await Promise.all(ready.map(({ server }) => server.close()));
  }
};
