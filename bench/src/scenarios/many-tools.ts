/** Scenario 5: 1,000 registered tools: `tools/list` over HTTP, and construction time. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchContext } from '../lib/context.js';
import { post } from '../lib/mcp-http.js';
import { measureHttp } from '../lib/measure-http.js';
import { attempt, type Cell, type Row } from '../lib/report.js';
import type { Library } from '../lib/spawn-server.js';
import { median } from '../lib/stats.js';

const TOOLS = 1000;
const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('../construct-child.ts', import.meta.url));

const verifyList = async (url: string, headers: Record<string, string>): Promise<void> => {
  const answer = await post(url, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }, headers);
  const count = (answer.message?.result as { tools?: unknown[] } | undefined)?.tools?.length;
  if (count !== TOOLS) throw new Error(`tools/list returned ${count} tools, expected ${TOOLS}`);
};

/** Median ms to build a server with 1,000 tools, in a fresh child process. */
const construction = async (ctx: BenchContext, library: Library): Promise<Cell> => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', CHILD, library, String(TOOLS), String(ctx.constructionRuns)],
    {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
    },
  );
  const durations = JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as number[];
  const value = median(durations);
  ctx.log(`  ${library}: construction ${value.toFixed(2)} ms (median of ${durations.length})`);
  return { value, detail: { durations } };
};

/** tools/list requests/s with 1,000 tools (stateful, JSON), and construction time of such a server. */
export const manyTools = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log(`${TOOLS} tools: tools/list over HTTP, construction`);
  const list: Row = { scenario: `HTTP tools/list, ${TOOLS.toLocaleString('en-US')} tools`, metric: 'req/s', cells: {} };
  const build: Row = {
    scenario: `construct a server with ${TOOLS.toLocaleString('en-US')} tools`,
    metric: 'ms',
    lowerIsBetter: true,
    cells: {},
  };
  for (const library of ctx.libraries) {
    list.cells[library] = await attempt(ctx.log, library, () =>
      measureHttp(ctx, library, {
        flags: ['--json', '--tools', String(TOOLS)],
        stateful: true,
        method: 'tools/list',
        params: {},
        verify: verifyList,
      }),
    );
    build.cells[library] =
      library === 'raw' ? { note: '—' } : await attempt(ctx.log, library, () => construction(ctx, library));
  }
  return [list, build];
};
