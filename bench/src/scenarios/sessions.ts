/** Scenario 4: sessions opened per second and memory per idle open session. */
import { Agent, request } from 'node:http';
import type { BenchContext } from '../lib/context.js';
import { BASE_HEADERS, INITIALIZE, verifyHttp } from '../lib/mcp-http.js';
import { attempt, type Cell, type Row } from '../lib/report.js';
import { settledRss } from '../lib/rss.js';
import { type Library, spawnServer } from '../lib/spawn-server.js';

const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

/** POSTs over a keep-alive agent (cheaper than fetch, so the client is not the limit). */
const postRaw = (agent: Agent, url: string, body: string, headers: Record<string, string>) =>
  new Promise<{ status: number; sessionId: string | undefined }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...BASE_HEADERS, ...headers } }, (res) => {
      res.resume().on('end', () => {
        const id = res.headers['mcp-session-id'];
        resolve({ status: res.statusCode ?? 0, sessionId: typeof id === 'string' ? id : undefined });
      });
    });
    req.on('error', reject).end(body);
  });

/** Opens `count` sessions, `concurrency` at a time; returns the last session's headers. */
const openSessions = async (url: string, count: number, concurrency: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let left = count;
  let last: Record<string, string> = {};
  const lane = async () => {
    while (left-- > 0) {
      const init = await postRaw(agent, url, JSON.stringify(INITIALIZE), {});
      if (init.status !== 200 || !init.sessionId) throw new Error(`initialize: HTTP ${init.status}, no session id`);
      last = { 'mcp-session-id': init.sessionId };
      const ack = await postRaw(agent, url, INITIALIZED, last);
      if (ack.status >= 300) throw new Error(`notifications/initialized: HTTP ${ack.status}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    agent.destroy();
  }
  return last;
};

const measure = async (ctx: BenchContext, library: Library): Promise<Cell[]> => {
  const server = await spawnServer(library, 'http', ['--json']);
  try {
    const url = server.url as string;
    const pid = server.child.pid as number;
    await openSessions(url, 50, ctx.connections); // warm-up: load code paths, JIT
    const before = await settledRss(pid);
    const start = performance.now();
    const last = await openSessions(url, ctx.sessions, ctx.connections);
    const rate = ctx.sessions / ((performance.now() - start) / 1000);
    await verifyHttp(url, last); // the sessions are real: the last one answers
    const after = await settledRss(pid);
    const perSession = (after - before) / ctx.sessions / 1024;
    ctx.log(`  ${library}: ${Math.round(rate)} sessions/s, ${perSession.toFixed(1)} KiB/session`);
    const detail = { rssBefore: before, rssAfter: after, sessions: ctx.sessions };
    return [{ value: rate }, { value: perSession, detail }];
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
