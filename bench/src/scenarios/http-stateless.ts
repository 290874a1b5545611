/** Scenario 2: stateless Streamable HTTP, every request served without a session. */
import type { BenchContext } from '../lib/context.js';
import { ADD_CALL, verifyHttp } from '../lib/mcp-http.js';
import { measureHttp } from '../lib/measure-http.js';
import { attempt, type Row } from '../lib/report.js';

/** Requests/s of stateless tool calls with JSON answers (the SDK: a new server + transport per request). */
export const httpStateless = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log('HTTP stateless tools/call (json)');
  const cells: Row['cells'] = {};
  for (const library of ctx.libraries) {
    cells[library] = await attempt(ctx.log, library, () =>
      measureHttp(ctx, library, { flags: ['--stateless', '--json'], stateful: false, ...ADD_CALL, verify: verifyHttp }),
    );
  }
  return [{ scenario: 'HTTP stateless tools/call, JSON', metric: 'req/s', cells }];
};
