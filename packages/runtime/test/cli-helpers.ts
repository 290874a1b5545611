import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from here so tsx finds tsconfig.json and its `paths`. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The CLI entry, run from source through tsx. */
export const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
/** The conformance fixture, a server with every kind of component. */
export const EVERYTHING = 'examples/everything/server.ts';

/** The node arguments that run the CLI with `args`. */
export const cliArgs = (...args: string[]): string[] => ['--import', 'tsx', MAIN, ...args];

/** How one CLI run ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to completion (killed after 20 s so a hang fails the test instead of stalling it). */
export const runCli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      cliArgs(...args),
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

/**
 * A scratch directory inside the repository (so modules written there resolve
 * `valibot` and `@mcpkit/core` like the examples do); `remove()` deletes it.
 */
export const scratch = () => {
  const dir = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.cli-scratch-'));
  return {
    /** Writes `source` to `name` in the scratch directory and returns its path. */
    file: (name: string, source: string): string => {
      const path = join(dir, name);
      writeFileSync(path, source);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** A `mcpkit run` child process started by {@link startRun}. */
export interface RunningCli {
  /** The URL from the banner (HTTP and SSE), or undefined over stdio. */
  readonly url: string | undefined;
  /** Everything the process wrote to stderr so far. */
  readonly stderr: () => string;
  /** Sends SIGTERM and resolves to the exit code once the process ended. */
  readonly stop: () => Promise<number | null>;
}

/**
 * Starts `mcpkit run` with `args` and waits for its banner on stderr
 * ("serving … at <url>"); rejects with the stderr if it exits first.
 */
export const startRun = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs('run', ...args), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const banner = /mcpkit: serving .* over (\w+)(?: at (\S+))?\n/.exec(stderr);
      if (banner) {
        clearTimeout(timer);
        resolve({ url: banner[2], stderr: () => stderr, stop });
      }
    });
    // Never left running: no banner in 15 s kills the child and fails the test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mcpkit run printed no banner in 15 s:\n${stderr}`));
    }, 15_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`mcpkit run exited (${code}) before serving:\n${stderr}`));
    });
  });
