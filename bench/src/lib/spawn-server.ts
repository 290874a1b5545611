import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The servers under test, in table order. */
export const LIBRARIES = ['raw', 'sdk', 'fastmcp', 'mcpkit'] as const;
/** One of {@link LIBRARIES}. */
export type Library = (typeof LIBRARIES)[number];
/** Every server `servers/main.ts` can start: the table's columns, plus the SDK v2 handler (the 2026 row's anchor). */
export const SERVERS = [...LIBRARIES, 'sdk-v2'] as const;
/** One of {@link SERVERS}. */
export type ServerName = (typeof SERVERS)[number];

/** A server under test running in its own child process. */
export interface RunningChild {
  readonly child: ChildProcess;
  /** The MCP endpoint (HTTP servers only). */
  readonly url: string | undefined;
  /** Kills the child and waits for it to exit. */
  readonly close: () => Promise<void>;
}

const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../servers/main.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const stopper = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/**
 * Starts `library` in a fresh `node --expose-gc --import tsx` process (plus
 * `nodeArgs`, e.g. `--cpu-prof`). For
 * HTTP, resolves once it printed its URL; for stdio, at once (stdin/stdout
 * are the pipes to talk to). Rejects with its stderr if it dies first.
 */
export const spawnServer = async (
  library: ServerName,
  transport: 'http' | 'stdio',
  flags: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<RunningChild> => {
  const port = transport === 'http' ? await freePort() : 0;
  const argv = [ENTRY, library, '--transport', transport, '--port', String(port), ...flags];
  const child = spawn(process.execPath, ['--expose-gc', ...nodeArgs, '--import', 'tsx', ...argv], {
    cwd: BENCH_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const close = stopper(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  if (transport === 'stdio') return { child, url: undefined, close };
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail('did not start in time'), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${library} server ${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    };
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"url":"([^"]+)"\}/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  child.stdout?.resume();
  return { child, url, close };
};
