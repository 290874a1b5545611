/** Scenario: the cost of `telemetry()` on mcpkit's stateful JSON `tools/call`, off against on, in the same runs. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, verifyHttp } from '../lib/mcp-http.js';
import type { HttpCase } from '../lib/measure-http.js';
import { type HttpEntry, measureHttpInterleaved } from '../lib/measure-http-interleaved.js';
import type { Cell, Row } from '../lib/report.js';

const OFF: HttpCase = { flags: ['--json'], stateful: true, ...ADD_CALL, verify: verifyHttp };
const NOT_APPLICABLE: Cell = { note: '—' };
/**
 * The paced runs' loads, requests a second: under what the slowest mode
 * serves at saturation on the 2-core bench machine (about 11,000), so each
 * mode answers all of it and the server sleeps and is woken as often in each.
 * Two, because the fixed per-request cost of those wake-ups (and so the ratio)
 * depends on the rate.
 */
export const PACED_RATES = [4000, 8000] as const;

const ratio = (over: number | undefined, under: number | undefined): string =>
  over && under ? `${(over / under).toFixed(2)}×` : 'n/a';
const rps = (cell: Cell | undefined): string => (cell?.value === undefined ? 'n/a' : `${cell.value.toFixed(0)}/s`);
/** A paced cell shows the server's CPU per request (its req/s is the pace). */
const pacedCell = (cell: Cell | undefined): Cell =>
  cell?.cpuUsPerRequest === undefined
    ? { note: 'n/a' }
    : { value: cell.cpuUsPerRequest, errors: cell.errors, detail: { ...(cell.detail as object), rps: cell.value } };
/** The row of one mode's paced runs: the server's CPU per request. */
const pacedRow = (rate: number, mode: string, cell: Cell | undefined, others: Record<string, Cell>): Row => ({
  scenario: `HTTP stateful tools/call, JSON, telemetry() ${mode}, paced at ${rate} req/s`,
  metric: 'server CPU µs/request',
  lowerIsBetter: true,
  cells: { ...others, mcpkit: pacedCell(cell) },
});
const added = (on: Cell | undefined, off: Cell | undefined): string =>
  on?.cpuUsPerRequest === undefined || off?.cpuUsPerRequest === undefined
    ? 'n/a'
    : `${(on.cpuUsPerRequest - off.cpuUsPerRequest).toFixed(1)} µs`;
const cpu = (cell: Cell | undefined): string =>
  cell?.cpuUsPerRequest === undefined ? 'n/a' : `${cell.cpuUsPerRequest.toFixed(1)} µs`;

/** The three rows of one paced rate (off, API only, SDK), the ratios in a note under the last. */
const pacedRows = (
  rate: number,
  [off, api, sdk]: readonly (Cell | undefined)[],
  others: Record<string, Cell>,
): Row[] => [
  pacedRow(rate, 'off', off, others),
  pacedRow(rate, 'API, no SDK', api, others),
  {
    ...pacedRow(rate, 'SDK, no exporter', sdk, others),
    notes: [
      `paced at ${rate} req/s (achieved: off ${rps(off)}, API only ${rps(api)}, SDK ${rps(sdk)}); ` +
        `CPU per request as throughput ratios (off ÷ on): API only ${ratio(off?.cpuUsPerRequest, api?.cpuUsPerRequest)}, ` +
        `SDK without exporter ${ratio(off?.cpuUsPerRequest, sdk?.cpuUsPerRequest)} (target ≥ 0.9×); ` +
        `added CPU per request: API only ${added(api, off)}, SDK ${added(sdk, off)}. The same load for all three.`,
    ],
  },
];

/**
 * Requests/s of mcpkit's stateful JSON `tools/call add(2, 3)` with
 * `telemetry()` off, on over the OpenTelemetry API alone (no SDK: what a
 * server pays for having it installed but not wired), and on with an SDK that
 * records but exports nothing, measured in one interleaved run so the ratios
 * come from the same stretch of machine time; then the server's CPU per
 * request of the three at fixed paced rates ({@link PACED_RATES}), where the
 * kernel's cost per request is the same for all (at saturation a slower
 * server sleeps more, and each wake-up and send costs it more, which inflates
 * any added user-space cost). mcpkit only.
 */
export const telemetryScenario = async (ctx: BenchContext): Promise<Row[]> => {
  if (!ctx.libraries.includes('mcpkit')) return [];
  ctx.log('HTTP stateful tools/call (json), telemetry() off / API only / SDK without exporter');
  const entries: HttpEntry[] = [
    { label: 'off', server: 'mcpkit', test: OFF },
    { label: 'api', server: 'mcpkit', test: { ...OFF, flags: ['--json', '--telemetry', 'api'] } },
    { label: 'sdk', server: 'mcpkit', test: { ...OFF, flags: ['--json', '--telemetry', 'sdk'] } },
  ];
  const [off, api, sdk] = await measureHttpInterleaved(ctx, entries);
  const paced: Row[][] = [];
  const others = Object.fromEntries(
    ctx.libraries.filter((library) => library !== 'mcpkit').map((library) => [library, NOT_APPLICABLE]),
  );
  for (const rate of PACED_RATES) {
    ctx.log(`  the same, paced at ${rate} req/s`);
    paced.push(pacedRows(rate, await measureHttpInterleaved(ctx, entries, rate), others));
  }
  return [
    {
      scenario: 'HTTP stateful tools/call, JSON, telemetry() (API, no SDK)',
      metric: 'req/s',
      cells: { ...others, mcpkit: api },
      notes: [
        `telemetry on ÷ off (same runs; off = ${off?.value?.toFixed(0) ?? 'n/a'} req/s): API only ${ratio(api?.value, off?.value)}, ` +
          `SDK without exporter ${ratio(sdk?.value, off?.value)} (target ≥ 0.9× with no exporter).`,
        // CPU per request barely moves with other load on the machine: the steadier comparison.
        `server CPU per request: off ${cpu(off)}, API only ${cpu(api)}, SDK without exporter ${cpu(sdk)}; as throughput ` +
          `ratios (inverse CPU): API only ${ratio(off?.cpuUsPerRequest, api?.cpuUsPerRequest)}, ` +
          `SDK without exporter ${ratio(off?.cpuUsPerRequest, sdk?.cpuUsPerRequest)}; added CPU per request: API only ` +
          `${added(api, off)}, SDK ${added(sdk, off)}.`,
      ],
    },
    {
      scenario: 'HTTP stateful tools/call, JSON, telemetry() (SDK, no exporter)',
      metric: 'req/s',
      cells: { ...others, mcpkit: sdk },
    },
    ...paced.flat(),
  ];
};
