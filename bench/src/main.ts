/**
 * `pnpm bench [--quick] [--json <file>] [--only <scenario,...>] [--servers <raw,sdk,fastmcp,mcpkit>]
 *   [--load wrk|autocannon] [--runs <n>] [--no-build]`
 *
 * Runs every scenario for the raw node:http ceiling, the official SDK, fastmcp
 * and mcpkit, each server in its own child process, and prints a markdown table
 * (each figure with its ratio to the SDK) on stdout. Progress goes to stderr.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { buildMcpkit } from './build-mcpkit.js';
import { type BenchContext, durations } from './lib/context.js';
import { type Row, toMarkdown } from './lib/report.js';
import { LIBRARIES, type Library } from './lib/spawn-server.js';
import { pickLoadGenerator } from './load/pick.js';
import { attacks } from './scenarios/attacks.js';
import { cluster } from './scenarios/cluster.js';
import { http2026 } from './scenarios/http-2026.js';
import { httpStateful } from './scenarios/http-stateful.js';
import { httpStateless } from './scenarios/http-stateless.js';
import { manyTools } from './scenarios/many-tools.js';
import { openapiScenario } from './scenarios/openapi.js';
import { sessions } from './scenarios/sessions.js';
import { stdio } from './scenarios/stdio.js';
import { storeScenario } from './scenarios/store.js';
import { telemetryScenario } from './scenarios/telemetry.js';

const SCENARIOS = {
  'http-stateful': httpStateful,
  'http-stateless': httpStateless,
  'http-2026': http2026,
  stdio,
  sessions,
  'many-tools': manyTools,
  attacks,
  openapi: openapiScenario,
  cluster,
  store: storeScenario,
  telemetry: telemetryScenario,
};

const argv = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
};
const quick = argv.includes('--quick');
const only = option('--only')?.split(',') ?? Object.keys(SCENARIOS);
const libraries = (option('--servers')?.split(',') ?? LIBRARIES) as Library[];
const unknown = [
  ...only.filter((name) => !(name in SCENARIOS)),
  ...libraries.filter((name) => !LIBRARIES.includes(name)),
];
if (unknown.length > 0)
  throw new Error(
    `unknown scenario or server ${unknown.join(', ')}; known: ${[...Object.keys(SCENARIOS), ...LIBRARIES].join(', ')}`,
  );

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();

const buildError = argv.includes('--no-build') ? undefined : buildMcpkit();
if (buildError) log(`mcpkit will be n/a: ${buildError}`);

const load = pickLoadGenerator(option('--load') as 'wrk' | 'autocannon' | undefined);
// A failed build leaves a stale dist/: mcpkit is then not measured at all.
const measured = buildError ? libraries.filter((name) => name !== 'mcpkit') : libraries;
// More runs per HTTP figure steady the medians when the machine is busy with other work.
const runs = option('--runs');
if (runs !== undefined && !(Number.isInteger(Number(runs)) && Number(runs) > 0))
  throw new Error(`--runs wants a positive whole number, got ${runs}`);
const ctx: BenchContext = {
  quick,
  load,
  libraries: measured,
  connections: 32,
  log,
  ...durations(quick),
  ...(runs === undefined ? {} : { runs: Number(runs) }),
};
const machine = `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
log(`load generator: ${load.name}; ${machine}; ${quick ? 'quick' : 'full'} run`);

const rows: Row[] = [];
for (const name of only) {
  try {
    rows.push(...(await SCENARIOS[name as keyof typeof SCENARIOS](ctx)));
  } catch (error) {
    // A broken scenario is reported, not fatal: the other figures still print.
    log(`scenario ${name} failed: ${error instanceof Error ? error.stack : error}`);
  }
}
if (buildError && libraries.includes('mcpkit'))
  for (const row of rows) row.cells.mcpkit = { note: 'n/a (build failed)' };

const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `\nLoad generator: ${load.name} (1 thread, ${ctx.connections} connections). ${machine}. ` +
    `${quick ? 'Quick' : 'Full'} run, ${seconds.toFixed(0)} s; each HTTP figure the median of ${ctx.runs} run(s) of ${ctx.seconds} s. Ratios are to the SDK; ↑ higher is better, ↓ lower is better; ` +
    `every server was checked (add(2, 3) = 5) before load, and errors are shown (⚠) only when there were any.\n\n` +
    `${toMarkdown(rows, libraries)}\n`,
);
const jsonFile = option('--json');
if (jsonFile) {
  const report = {
    date: new Date().toISOString(),
    machine,
    loadGenerator: load.name,
    quick,
    seconds,
    settings: ctx,
    rows,
  };
  await writeFile(jsonFile, `${JSON.stringify(report, (k, v) => (k === 'load' || k === 'log' ? undefined : v), 2)}\n`);
  log(`wrote ${jsonFile}`);
}
