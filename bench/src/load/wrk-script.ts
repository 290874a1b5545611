import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a wrk run goes: the target, its connections and how long. */
export interface WrkTarget {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
}

/**
 * Runs wrk (one thread) with a Lua `script` whose `done` prints one line
 * `BENCH {json}`; resolves to that JSON.
 */
export const runWrkScript = async (script: string, target: WrkTarget): Promise<Record<string, number>> => {
  const dir = await mkdtemp(join(tmpdir(), 'mcpkit-bench-'));
  try {
    const file = join(dir, 'load.lua');
    await writeFile(file, script);
    const seconds = Math.max(1, Math.round(target.seconds));
    const args = ['-t1', `-c${target.connections}`, `-d${seconds}s`, '--timeout', '30s', '-s', file, target.url];
    const { stdout } = await run('wrk', args, { maxBuffer: 1 << 20 });
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH '));
    if (!line) throw new Error(`wrk printed no summary: ${stdout.slice(-300)}`);
    return JSON.parse(line.slice(6)) as Record<string, number>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
