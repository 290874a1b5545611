import { execFileSync } from 'node:child_process';
import { autocannonGenerator } from './autocannon.js';
import type { LoadGenerator } from './types.js';
import { wrk } from './wrk.js';

const wrkVersion = (): string | undefined => {
  try {
    execFileSync('wrk', ['-v'], { stdio: 'pipe' });
  } catch (error) {
    // `wrk -v` prints its version and exits 1; only a missing binary has no output.
    const out = String((error as { stdout?: Buffer }).stdout ?? '');
    const match = /wrk (\S+)/.exec(out);
    return match ? `wrk ${match[1]}` : undefined;
  }
  return 'wrk';
};

/** Installs wrk with apt-get when running as root outside CI; never fails. */
const tryInstallWrk = (): void => {
  if (process.env.CI || process.getuid?.() !== 0) return;
  try {
    console.error('wrk not found: apt-get install -y wrk ...');
    execFileSync('apt-get', ['install', '-y', '-q', 'wrk'], { stdio: 'ignore', timeout: 120_000 });
  } catch {
    console.error('could not install wrk; falling back to autocannon');
  }
};

/** wrk when available (installing it if allowed), else autocannon; `prefer` forces one. */
export const pickLoadGenerator = (prefer?: 'wrk' | 'autocannon'): LoadGenerator => {
  if (prefer === 'autocannon') return autocannonGenerator;
  let version = wrkVersion();
  if (!version) {
    tryInstallWrk();
    version = wrkVersion();
  }
  if (version) return wrk(version);
  if (prefer === 'wrk') throw new Error('wrk requested but not installed');
  return autocannonGenerator;
};
