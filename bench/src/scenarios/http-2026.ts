/** Scenario 3: MCP 2026-07-28 `tools/call` over HTTP, beside mcpkit's 2025 stateless path in the same runs. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, MODERN_ADD_CALL, MODERN_ADD_HEADERS, verifyHttp, verifyModernHttp } from '../lib/mcp-http.js';
import type { HttpCase } from '../lib/measure-http.js';
import { type HttpEntry, measureHttpInterleaved } from '../lib/measure-http-interleaved.js';
import type { Cell, Row } from '../lib/report.js';

/** mcpkit serves both eras from one stateless JSON endpoint; 2026 requests never need a session. */
const FLAGS = ['--stateless', '--json'];
/** A 2026-07-28 `add(2, 3)`: no initialize, no session id, the envelope in `params._meta`, the three headers. */
const MODERN: HttpCase = {
  flags: FLAGS,
  stateful: false,
  headers: MODERN_ADD_HEADERS,
  ...MODERN_ADD_CALL,
  verify: verifyModernHttp,
};
const LEGACY: HttpCase = { flags: FLAGS, stateful: false, ...ADD_CALL, verify: verifyHttp };
const NOT_APPLICABLE: Cell = { note: '—' };

const ratio = (over: number | undefined, under: number | undefined): string =>
  over && under ? `${(over / under).toFixed(2)}×` : 'n/a';
const cpu = (cell: Cell | undefined): string =>
  cell?.cpuUsPerRequest === undefined ? 'n/a' : `${cell.cpuUsPerRequest.toFixed(1)} µs`;

/**
 * Requests/s of 2026-07-28 `tools/call add(2, 3)` with JSON answers for mcpkit
 * and the SDK v2 `createMcpHandler` (in the SDK column), with the raw echo
 * (same body and headers; it reads neither) and mcpkit's 2025 stateless path
 * measured in the same interleaved runs, so the two ratios issue 10 sets
 * (mcpkit 2026 ÷ mcpkit 2025 stateless, mcpkit 2026 ÷ SDK v2) come from one
 * stretch of machine time. fastmcp 4.20 refuses 2026-07-28 requests (HTTP 400).
 */
export const http2026 = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log('HTTP 2026-07-28 tools/call (json), interleaved with mcpkit 2025 stateless');
  const wanted = new Set(ctx.libraries);
  const entries: HttpEntry[] = [];
  if (wanted.has('raw'))
    entries.push(
      { label: 'raw', server: 'raw', test: { ...MODERN, flags: ['--json'], verify: verifyHttp } },
      // The 2025 request to the same echo: what the bigger 2026 envelope costs with no MCP at all.
      { label: 'raw 2025', server: 'raw', test: { ...LEGACY, flags: ['--json'] } },
    );
  if (wanted.has('sdk')) entries.push({ label: 'sdk-v2 2026', server: 'sdk-v2', test: MODERN });
  if (wanted.has('mcpkit'))
    entries.push(
      { label: 'mcpkit 2025 stateless', server: 'mcpkit', test: LEGACY },
      { label: 'mcpkit 2026', server: 'mcpkit', test: MODERN },
    );
  const measured = await measureHttpInterleaved(ctx, entries);
  const byLabel = new Map(entries.map((entry, index) => [entry.label, measured[index]]));
  const sdkV2 = byLabel.get('sdk-v2 2026');
  const mcpkit2025 = byLabel.get('mcpkit 2025 stateless');
  const mcpkit2026 = byLabel.get('mcpkit 2026');
  const raw2026 = byLabel.get('raw');
  const raw2025 = byLabel.get('raw 2025');
  const cells: Row['cells'] = {};
  if (wanted.has('raw')) cells.raw = byLabel.get('raw');
  if (wanted.has('sdk')) cells.sdk = sdkV2;
  if (wanted.has('fastmcp')) cells.fastmcp = NOT_APPLICABLE;
  if (wanted.has('mcpkit')) cells.mcpkit = mcpkit2026;
  const rows: Row[] = [
    {
      scenario: 'HTTP 2026-07-28 tools/call, JSON',
      metric: 'req/s',
      cells,
      notes: [
        'the SDK column is the SDK v2 `createMcpHandler` (`@modelcontextprotocol/server` 2.4); fastmcp 4.20 refuses 2026-07-28 requests (HTTP 400).',
        `mcpkit 2026 ÷ mcpkit 2025 stateless (next row, same runs) = ${ratio(mcpkit2026?.value, mcpkit2025?.value)} (target ≥ 0.9×); ` +
          `mcpkit 2026 ÷ SDK v2 = ${ratio(mcpkit2026?.value, sdkV2?.value)} (target ≥ 10×).`,
        // CPU per request barely moves with other load on the machine, so these ratios are the steadier ones.
        `server CPU per request: mcpkit 2026 ${cpu(mcpkit2026)}, mcpkit 2025 stateless ${cpu(mcpkit2025)}, SDK v2 ${cpu(sdkV2)}; ` +
          `as throughput ratios (inverse CPU): mcpkit 2026 ÷ 2025 = ${ratio(mcpkit2025?.cpuUsPerRequest, mcpkit2026?.cpuUsPerRequest)}, ` +
          `mcpkit 2026 ÷ SDK v2 = ${ratio(sdkV2?.cpuUsPerRequest, mcpkit2026?.cpuUsPerRequest)}.`,
        ...(raw2026 && raw2025
          ? [
              `the raw echo, which does no MCP work, given the 2026 request (${cpu(raw2026)}) and the 2025 one (${cpu(raw2025)}): ` +
                `${ratio(raw2025.cpuUsPerRequest, raw2026.cpuUsPerRequest)} by CPU, ${ratio(raw2026.value, raw2025.value)} by req/s; ` +
                'what the bigger envelope and the extra headers cost before any MCP code runs.',
            ]
          : []),
      ],
    },
  ];
  if (mcpkit2025) {
    const others = ctx.libraries.filter((library) => library !== 'mcpkit').map((library) => [library, NOT_APPLICABLE]);
    rows.push({
      scenario: 'HTTP stateless tools/call, JSON, in the 2026 runs',
      metric: 'req/s',
      cells: { ...Object.fromEntries(others), mcpkit: mcpkit2025 },
    });
  }
  return rows;
};
