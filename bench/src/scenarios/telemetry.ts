/** Scenario: the cost of `telemetry()` on mcpkit's stateful JSON `tools/call`, off against on, in the same runs. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, verifyHttp } from '../lib/mcp-http.js';
import type { HttpCase } from '../lib/measure-http.js';
import { type HttpEntry, measureHttpInterleaved } from '../lib/measure-http-interleaved.js';
import type { Cell, Row } from '../lib/report.js';

const OFF: HttpCase = { flags: ['--json'], stateful: true, ...ADD_CALL, verify: verifyHttp };
const NOT_APPLICABLE: Cell = { note: '—' };

const ratio = (over: number | undefined, under: number | undefined): string =>
  over && under ? `${(over / under).toFixed(2)}×` : 'n/a';
const cpu = (cell: Cell | undefined): string =>
  cell?.cpuUsPerRequest === undefined ? 'n/a' : `${cell.cpuUsPerRequest.toFixed(1)} µs`;

/**
 * Requests/s of mcpkit's stateful JSON `tools/call add(2, 3)` with
 * `telemetry()` off, on over the OpenTelemetry API alone (no SDK: what a
 * server pays for having it installed but not wired), and on with an SDK that
 * records but exports nothing, measured in one interleaved run so the ratios
 * come from the same stretch of machine time. mcpkit only.
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
  const others = Object.fromEntries(
    ctx.libraries.filter((library) => library !== 'mcpkit').map((library) => [library, NOT_APPLICABLE]),
  );
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
          `SDK without exporter ${ratio(off?.cpuUsPerRequest, sdk?.cpuUsPerRequest)}.`,
      ],
    },
    {
      scenario: 'HTTP stateful tools/call, JSON, telemetry() (SDK, no exporter)',
      metric: 'req/s',
      cells: { ...others, mcpkit: sdk },
    },
  ];
};
