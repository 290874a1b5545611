import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sleep } from './stats.js';

const run = promisify(execFile);

/** Resident set size of process `pid`, in bytes (from `ps`, so it works on Linux and macOS). */
export const rssOf = async (pid: number): Promise<number> => {
  const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim()) * 1024;
};

/** Asks a server under test for a full GC (SIGUSR2, see servers/main.ts), lets it settle, reads its RSS. */
export const settledRss = async (pid: number): Promise<number> => {
  process.kill(pid, 'SIGUSR2');
  await sleep(300);
  process.kill(pid, 'SIGUSR2');
  await sleep(300);
  return rssOf(pid);
};
