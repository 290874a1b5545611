/** Scenario 3: stdio, driven directly over the child's pipes. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, expectText } from '../lib/mcp-http.js';
import { attempt, type Cell, type Row } from '../lib/report.js';
import { type Library, spawnServer } from '../lib/spawn-server.js';
import { median, percentile } from '../lib/stats.js';
import { connectStdio, type StdioClient } from '../lib/stdio-client.js';

const call = async (client: StdioClient): Promise<void> =>
  expectText(await client.request(ADD_CALL.method, ADD_CALL.params), '5');

/** Keeps `inFlight` calls outstanding for `seconds`; returns calls/s. */
const pipelined = async (client: StdioClient, inFlight: number, seconds: number): Promise<number> => {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let done = 0;
  const lane = async () => {
    while (performance.now() < deadline) {
      await call(client);
      done++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return done / ((performance.now() - start) / 1000);
};

/** Makes `count` calls one after another; returns their latencies in ms. */
const sequential = async (client: StdioClient, count: number): Promise<number[]> => {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call(client);
    latencies.push(performance.now() - start);
  }
  return latencies;
};

const measure = async (ctx: BenchContext, library: Library): Promise<Cell[]> => {
  const server = await spawnServer(library, 'stdio');
  try {
    const client = await connectStdio(server);
    await call(client); // the correctness check
    if (ctx.warmupSeconds > 0) await pipelined(client, ctx.connections, ctx.warmupSeconds);
    // The median of several runs, as for the HTTP figures.
    const rates: number[] = [];
    for (let run = 0; run < ctx.runs; run++) rates.push(await pipelined(client, ctx.connections, ctx.seconds));
    const rate = median(rates);
    const latencies = await sequential(client, ctx.sequentialCalls);
    const [p50, p99] = [median(latencies), percentile(latencies, 99)];
    ctx.log(`  ${library}: ${Math.round(rate)} calls/s, p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`);
    return [{ value: rate }, { value: p50 }, { value: p99 }];
  } finally {
    await server.close();
  }
};

/** calls/s with 32 calls in flight, then p50/p99 latency of one call at a time. */
export const stdio = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log('stdio tools/call');
  const rows: Row[] = [
    { scenario: 'stdio tools/call, 32 in flight', metric: 'calls/s', cells: {} },
    { scenario: 'stdio tools/call, 1 at a time', metric: 'p50 ms', lowerIsBetter: true, cells: {} },
    { scenario: 'stdio tools/call, 1 at a time', metric: 'p99 ms', lowerIsBetter: true, cells: {} },
  ];
  for (const library of ctx.libraries) {
    const cells = await attempt(ctx.log, library, () => measure(ctx, library), rows.length);
    rows.forEach((row, i) => {
      row.cells[library] = cells[i];
    });
  }
  return rows;
};
