/**
 * Profiles one server under the bench's HTTP load: `pnpm --filter @mcpkit/bench profile [mcpkit|sdk|sdk-v2|...] [--stateless] [--sse] [--2026] [--top N] [--ours] [--keep] [--telemetry api|sdk]`.
 * Starts it with `node --cpu-prof`, sends `tools/call add` with wrk (or autocannon) for 8 s
 * (with `--2026`: the 2026-07-28 request of the http-2026 scenario, no session),
 * stops it with SIGINT (so the profile is written) and prints where the samples fell:
 * the kernel send, garbage collection, idle, the library's own code, and the top functions.
 * Reads mcpkit from `dist/`, like the bench (run `pnpm bench --only construction` or a build first).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ADD_CALL, BASE_HEADERS, MODERN_ADD_CALL, MODERN_ADD_HEADERS, openSession } from './lib/mcp-http.js';
import { type ServerName, spawnServer } from './lib/spawn-server.js';
import { pickLoadGenerator } from './load/pick.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const SENDS = new Set(['writev', 'writeUtf8String', 'writeLatin1String', 'writeBuffer']);

/** Self time per function of one profile (microseconds), with the function's file. */
const selfTimes = (profile: Profile): Map<string, { time: number; url: string }> => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, { time: number; url: string }>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = frame ? `${frame.functionName || '(anonymous)'} ${basename(frame.url)}:${frame.lineNumber}` : '?';
    const entry = times.get(key) ?? { time: 0, url: frame?.url ?? '' };
    entry.time += profile.timeDeltas[i] ?? 0;
    times.set(key, entry);
  });
  return times;
};

/** Time not spent idle. */
const busyTime = (times: Map<string, { time: number }>): number =>
  [...times].reduce((sum, [key, { time }]) => (key.startsWith('(idle)') ? sum : sum + time), 0);

const library = (process.argv[2] ?? 'mcpkit') as ServerName;
const modern = process.argv.includes('--2026');
// 2026-07-28 requests never open a session.
const stateless = modern || process.argv.includes('--stateless');
const telemetryAt = process.argv.indexOf('--telemetry');
const flags = [
  ...(stateless ? ['--stateless'] : []),
  ...(process.argv.includes('--sse') ? [] : ['--json']),
  // `--telemetry api|sdk`: mcpkit with telemetry() in its middleware (see servers/args.ts).
  ...(telemetryAt > 0 ? ['--telemetry', process.argv[telemetryAt + 1] ?? 'api'] : []),
];
const dir = await mkdtemp(join(tmpdir(), 'mcpkit-profile-'));
const server = await spawnServer(library, 'http', flags, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
try {
  const url = server.url as string;
  const session = stateless ? {} : await openSession(url);
  const load = pickLoadGenerator();
  const call = modern
    ? { headers: { ...BASE_HEADERS, ...MODERN_ADD_HEADERS }, ...MODERN_ADD_CALL }
    : { headers: { ...BASE_HEADERS, ...session }, ...ADD_CALL };
  const spec = { url, ...call, connections: 32 };
  await load.run({ ...spec, seconds: 2 });
  const result = await load.run({ ...spec, seconds: 8 });
  console.log(
    `${library} ${flags.join(' ')}${modern ? ' 2026' : ''}: ${Math.round(result.rps)} req/s under ${load.name}`,
  );
} finally {
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGINT');
  });
}
// The tsx loader thread writes a profile too: the server's is the one with the most busy time.
const profiles = await Promise.all(
  (await readdir(dir)).map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as Profile),
);
// `--keep` leaves the profiles in place (their folder is printed) for a closer look.
if (process.argv.includes('--keep')) console.log(`profiles kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });
const busiest = profiles.map(selfTimes).sort((a, b) => busyTime(b) - busyTime(a))[0];
if (!busiest) throw new Error('no profile was written');
const entries = [...busiest];
const total = entries.reduce((sum, [, { time }]) => sum + time, 0);
const share = (filter: (key: string, url: string) => boolean) =>
  entries.filter(([key, { url }]) => filter(key, url)).reduce((sum, [, { time }]) => sum + time, 0) / total;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`kernel send (${[...SENDS].join(', ')}): ${pct(share((k) => SENDS.has(k.split(' ')[0] ?? '')))}`);
console.log(`garbage collection: ${pct(share((k) => k.startsWith('(garbage collector)')))}`);
console.log(`idle: ${pct(share((k) => k.startsWith('(idle)')))}`);
console.log(`mcpkit's own code (packages/*/dist): ${pct(share((_k, url) => url.includes('/packages/')))}`);
// `--top N` lists more functions; `--ours` only mcpkit's own.
const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) || 15 : 15;
const ours = process.argv.includes('--ours');
console.log(`top functions by self time${ours ? " (mcpkit's own)" : ''}:`);
const listed = ours ? entries.filter(([, { url }]) => url.includes('/packages/')) : entries;
for (const [key, { time }] of listed.sort((a, b) => b[1].time - a[1].time).slice(0, top)) {
  console.log(`  ${pct(time / total).padStart(6)}  ${key}`);
}
