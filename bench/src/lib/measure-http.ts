import type { LoadResult } from '../load/types.js';
import type { BenchContext } from './context.js';
import { BASE_HEADERS, openSession } from './mcp-http.js';
import type { Cell } from './report.js';
import { type Library, spawnServer } from './spawn-server.js';

/** One HTTP load scenario for one server. */
export interface HttpCase {
  /** Server flags, e.g. `['--json']`, `['--stateless']`, `['--tools', '1000']`. */
  readonly flags: readonly string[];
  /** Initialize a session first and send its id with every request. */
  readonly stateful: boolean;
  readonly method: string;
  readonly params: object;
  /** Throws unless the server answers correctly (run before any load). */
  readonly verify: (url: string, headers: Record<string, string>) => Promise<void>;
}

const errorsOf = (r: LoadResult): number => r.errors + r.non2xx + r.rpcErrors;

/**
 * Starts `library` in its own process, checks it answers correctly, warms it
 * up, then measures requests/s under the load generator.
 */
export const measureHttp = async (ctx: BenchContext, library: Library, test: HttpCase): Promise<Cell> => {
  const server = await spawnServer(library, 'http', test.flags);
  try {
    const url = server.url as string;
    const session = test.stateful ? await openSession(url) : {};
    await test.verify(url, session);
    const spec = {
      url,
      headers: { ...BASE_HEADERS, ...session },
      method: test.method,
      params: test.params,
      connections: ctx.connections,
    };
    if (ctx.warmupSeconds > 0) await ctx.load.run({ ...spec, seconds: ctx.warmupSeconds });
    const result = await ctx.load.run({ ...spec, seconds: ctx.seconds });
    ctx.log(`  ${library}: ${Math.round(result.rps)} req/s, p99 ${result.p99Ms} ms, ${errorsOf(result)} errors`);
    return { value: result.rps, errors: errorsOf(result), detail: result };
  } finally {
    await server.close();
  }
};
