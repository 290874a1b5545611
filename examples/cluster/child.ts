import { type ChildProcess, spawn } from 'node:child_process';

/** A program the cluster runs, with its output kept for when something goes wrong. */
export interface Child {
  readonly process: ChildProcess;
  /** What it wrote to stdout and stderr so far (the last 64 KiB). */
  readonly output: () => string;
  /** Sends `signal` and resolves once the process exited. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const children = new Set<ChildProcess>();
// A parent that dies must not leave its cluster behind.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Starts `command` and resolves once `ready` matches its output (or rejects
 * when it exits first or `timeoutMs` passes). `echo` copies its output to
 * this process's stderr, each line prefixed with `name`.
 */
export const startChild = (
  name: string,
  command: string,
  args: readonly string[],
  options: {
    readonly ready: RegExp;
    readonly env?: NodeJS.ProcessEnv;
    readonly cwd?: string;
    readonly echo?: boolean;
    readonly timeoutMs?: number;
  },
): Promise<Child> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // stdin stays open as a lifeline: a child that watches it exits when this process dies.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.add(child);
    let output = '';
    const exited = new Promise<void>((done) =>
      child.once('exit', () => {
        children.delete(child);
        done();
      }),
    );
    const handle: Child = {
      process: child,
      output: () => output,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      },
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    let started = false;
    const hear = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-65_536);
      if (options.echo) {
        for (const line of text.split('\n').filter(Boolean)) process.stderr.write(`[${name}] ${line}\n`);
      }
      if (!started && options.ready.test(output)) {
        started = true;
        clearTimeout(timer);
        resolve(handle);
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
