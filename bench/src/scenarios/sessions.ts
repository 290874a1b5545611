/** Scenario 4: sessions opened per second and memory per idle open session. */
import type { BenchContext } from '../lib/context.js';
import { BASE_HEADERS, INITIALIZE, verifyHttp } from '../lib/mcp-http.js';
import { openRawConnection } from '../lib/raw-http-client.js';
import { attempt, type Cell, type Row } from '../lib/report.js';
import { settledRss } from '../lib/rss.js';
import { type Library, spawnServer } from '../lib/spawn-server.js';
import type { SessionLoadResult } from '../load/types.js';

const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
const INITIALIZE_BODY = JSON.stringify(INITIALIZE);

/** How many sessions to open: at least `count`, and for at least `seconds`. */
interface OpenPlan {
  readonly count: number;
  readonly seconds: number;
  readonly concurrency: number;
}

/**
 * Opens sessions (initialize, then notifications/initialized) over `concurrency`
 * keep-alive connections, one session at a time per connection. The client is
 * a bare socket (see raw-http-client.ts), so it is not what limits the rate.
 * Returns how many were opened, in how long, and the last one's headers.
 */
const openSessions = async (url: string, plan: OpenPlan) => {
  const path = new URL(url).pathname;
  const connections = await Promise.all(Array.from({ length: plan.concurrency }, () => openRawConnection(url)));
  const start = performance.now();
  const deadline = start + plan.seconds * 1000;
  let opened = 0;
  let started = 0;
  let last: Record<string, string> = {};
  const lane = async (connection: (typeof connections)[number]) => {
    while (started < plan.count || performance.now() < deadline) {
      started++;
      const init = await connection.post(path, BASE_HEADERS, INITIALIZE_BODY);
      const sessionId = init.header('mcp-session-id');
      if (init.status !== 200 || !sessionId) throw new Error(`initialize: HTTP ${init.status}, no session id`);
      last = { 'mcp-session-id': sessionId };
      const ack = await connection.post(path, BASE_HEADERS, INITIALIZED, sessionId);
      if (ack.status >= 300) throw new Error(`notifications/initialized: HTTP ${ack.status}`);
      opened++;
    }
  };
  try {
    await Promise.all(connections.map(lane));
  } finally {
    for (const connection of connections) connection.close();
  }
  return { opened, seconds: (performance.now() - start) / 1000, last };
};

/**
 * Opens sessions for the measured time: with wrk when it is the load
 * generator (its C client leaves the server as the limit), else with the
 * runner's bare-socket client.
 */
const openTimed = async (ctx: BenchContext, url: string): Promise<SessionLoadResult> => {
  const seconds = ctx.seconds;
  if (ctx.load.openSessions) {
    return ctx.load.openSessions({
      url,
      headers: BASE_HEADERS,
      initialize: INITIALIZE_BODY,
      initialized: INITIALIZED,
      seconds,
      connections: ctx.connections,
    });
  }
  const timed = await openSessions(url, { count: 100, seconds, concurrency: ctx.connections });
  return { sessions: timed.opened, seconds: timed.seconds, errors: 0 };
};

/** Connections used to open the idle sessions of the memory figure (fastmcp takes ~1 s per session). */
const MEMORY_CONCURRENCY = 128;

const measure = async (ctx: BenchContext, library: Library): Promise<Cell[]> => {
  const server = await spawnServer(library, 'http', ['--json']);
  try {
    const url = server.url as string;
    const pid = server.child.pid as number;
    const concurrency = ctx.connections;
    // Warm-up: load code paths and let the JIT settle.
    await openSessions(url, { count: 50, seconds: ctx.warmupSeconds, concurrency });
    // Memory: a fixed number of idle sessions, the same for every server. Many of them, because V8 grows
    // its heap in steps of megabytes; opened over more connections, as only the count matters here.
    const before = await settledRss(pid);
    const idle = await openSessions(url, { count: ctx.sessions, seconds: 0, concurrency: MEMORY_CONCURRENCY });
    await verifyHttp(url, idle.last); // the sessions are real: the last one answers
    const after = await settledRss(pid);
    const perSession = (after - before) / idle.opened / 1024;
    // Rate: as many as the server opens in the measured time.
    const timed = await openTimed(ctx, url);
    const rate = timed.sessions / timed.seconds;
    ctx.log(`  ${library}: ${Math.round(rate)} sessions/s, ${perSession.toFixed(1)} KiB/session`);
    const detail = { rssBefore: before, rssAfter: after, sessions: idle.opened };
    return [
      { value: rate, errors: timed.errors, detail: timed },
      { value: perSession, detail },
    ];
  } finally {
    await server.close();
  }
};

/** Sessions opened per second (initialize + initialized) and RSS growth per idle session. */
export const sessions = async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log(`HTTP sessions (${ctx.sessions} opened, ${ctx.connections} at a time)`);
  const rate: Row = { scenario: 'HTTP sessions opened', metric: 'sessions/s', cells: {} };
  const memory: Row = {
    scenario: `HTTP idle sessions (${ctx.sessions})`,
    metric: 'KiB/session',
    lowerIsBetter: true,
    cells: {},
  };
  for (const library of ctx.libraries) {
    if (library === 'raw') {
      rate.cells.raw = memory.cells.raw = { note: '—' };
      continue;
    }
    [rate.cells[library], memory.cells[library]] = await attempt(ctx.log, library, () => measure(ctx, library), 2);
  }
  return [rate, memory];
};
