/**
 * In-process cost of `telemetry()` per request, split between the middleware
 * and the OpenTelemetry SDK's own work: `server.handle` of `tools/call
 * add(2, 3)` with telemetry off, over the API alone, and with an SDK that
 * records but exports nothing; then the SDK steps alone (a span started with
 * the same attributes and ended, a histogram record with the metric's
 * attributes) at the same counts. No HTTP, no kernel: what is left of "sdk −
 * off" after the SDK steps is the middleware's own cost.
 *
 * Bundle it (not tsx, whose loader hooks cost per call) and run it from
 * bench/, after a build of the packages (`pnpm bench` builds them):
 *   esbuild src/telemetry-cost.ts --bundle --platform=node --format=esm --packages=external
 *     --outfile=node_modules/.tmp/telemetry-cost.mjs && node node_modules/.tmp/telemetry-cost.mjs [requests] [rounds] [only]
 * (esbuild: the binary tsx brings, under ../node_modules/.pnpm/esbuild@VERSION/node_modules/esbuild/bin/).
 * Times are CPU time (`process.cpuUsage`), medians of the rounds after a warm-up round.
 */

import { createServer, type Middleware, tool } from '@mcpkit/core';
import { telemetry } from '@mcpkit/otel';
import { SpanKind } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import * as v from 'valibot';

const REQUESTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
/** Optional: measure only the figures whose name starts with this (e.g. `sdk` under `node --cpu-prof`). */
const ONLY = process.argv[4] ?? '';

const build = (middleware: readonly Middleware[]) =>
  createServer(
    { name: 'cost', version: '1' },
    [tool({ name: 'add', input: v.object({ a: v.number(), b: v.number() }), run: ({ a, b }) => String(a + b) })],
    { middleware },
  );

const request = (id: number) => ({
  jsonrpc: '2.0' as const,
  id,
  method: 'tools/call',
  params: { name: 'add', arguments: { a: 2, b: 3 } },
});

/** CPU µs the process used (user + system, garbage collection threads included): steadier than wall time on a shared machine. */
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
/** CPU µs per iteration of `step` over `count` iterations (awaited one after the other, as a connection's requests are). */
const timeAsync = async (count: number, step: (i: number) => unknown): Promise<number> => {
  const started = cpuNow();
  for (let i = 0; i < count; i++) await step(i);
  return (cpuNow() - started) / count;
};
const timeSync = (count: number, step: (i: number) => unknown): number => {
  const started = cpuNow();
  for (let i = 0; i < count; i++) step(i);
  return (cpuNow() - started) / count;
};

const modes = {
  off: build([]),
  api: build([telemetry()]),
  sdk: build([telemetry({ tracerProvider: new BasicTracerProvider(), meterProvider: new MeterProvider() })]),
};

// The SDK steps alone, with the attributes telemetry() gives them for this request.
const tracer = new BasicTracerProvider().getTracer('cost');
const histogram = new MeterProvider().getMeter('cost').createHistogram('d', { unit: 's' });
const spanAttributes = {
  'mcp.method.name': 'tools/call',
  'gen_ai.tool.name': 'add',
  'gen_ai.operation.name': 'execute_tool',
  'mcp.protocol.version': '2025-11-25',
  'jsonrpc.request.id': '1',
  'mcp.session.id': 'f3c1a9d2-0000-4000-8000-000000000000',
};
const metricAttributes = {
  'mcp.method.name': 'tools/call',
  'gen_ai.tool.name': 'add',
  'gen_ai.operation.name': 'execute_tool',
  'mcp.protocol.version': '2025-11-25',
};
const sdkSteps = {
  span: (i: number) =>
    tracer
      .startSpan('tools/call add', {
        kind: SpanKind.SERVER,
        attributes: { ...spanAttributes, 'jsonrpc.request.id': String(i) },
      })
      .end(),
  metric: () => histogram.record(0.0001, { ...metricAttributes }),
};

const figures: Record<string, number[]> = {};
const note = (name: string, us: number) => {
  figures[name] ??= [];
  figures[name].push(us);
};
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

for (let round = 0; round <= ROUNDS; round++) {
  // Round 0 warms the JIT and is not counted.
  for (const [name, server] of Object.entries(modes)) {
    if (!name.startsWith(ONLY)) continue;
    const us = await timeAsync(REQUESTS, (i) => server.handle(request(i)));
    if (round > 0) note(name, us);
  }
  for (const [name, step] of Object.entries(sdkSteps)) {
    if (!`sdk step: ${name}`.startsWith(ONLY)) continue;
    const us = timeSync(REQUESTS, step);
    if (round > 0) note(`sdk step: ${name}`, us);
  }
}

const m = Object.fromEntries(Object.entries(figures).map(([name, values]) => [name, median(values)]));
const off = m.off ?? 0;
const sdkSelf = (m['sdk step: span'] ?? 0) + (m['sdk step: metric'] ?? 0);
console.log(`in-process, ${REQUESTS} requests a round, median of ${ROUNDS} rounds (CPU µs/request):`);
for (const [name, us] of Object.entries(m)) console.log(`  ${name.padEnd(20)} ${us.toFixed(2)}`);
console.log(`  api − off            ${((m.api ?? 0) - off).toFixed(2)}`);
console.log(`  sdk − off            ${((m.sdk ?? 0) - off).toFixed(2)}`);
console.log(
  `  of which SDK steps   ${sdkSelf.toFixed(2)} (span start+end ${m['sdk step: span']?.toFixed(2)}, metric record ${m['sdk step: metric']?.toFixed(2)})`,
);
console.log(`  middleware's own     ${((m.sdk ?? 0) - off - sdkSelf).toFixed(2)}`);
