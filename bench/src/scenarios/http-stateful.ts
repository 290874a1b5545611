/** Scenario 1: `tools/call add` on one initialized session, JSON and SSE responses. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, verifyHttp } from '../lib/mcp-http.js';
import { measureHttp } from '../lib/measure-http.js';
import { attempt, type Row } from '../lib/report.js';

/** Requests/s of stateful Streamable HTTP tool calls, once with JSON and once with SSE answers. */
export const httpStateful = async (ctx: BenchContext): Promise<Row[]> => {
  const rows: Row[] = [];
  for (const mode of ['json', 'sse'] as const) {
    ctx.log(`HTTP stateful tools/call (${mode})`);
    const cells: Row['cells'] = {};
    for (const library of ctx.libraries) {
      cells[library] = await attempt(ctx.log, library, () =>
        measureHttp(ctx, library, {
          flags: mode === 'json' ? ['--json'] : [],
          stateful: true,
          ...ADD_CALL,
          verify: verifyHttp,
        }),
      );
    }
    rows.push({ scenario: `HTTP stateful tools/call, ${mode.toUpperCase()}`, metric: 'req/s', cells });
  }
  return rows;
};
