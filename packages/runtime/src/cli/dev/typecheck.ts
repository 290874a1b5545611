import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The nearest tsconfig.json at or above `dir`. */
const tsconfigOf = (dir: string): string | undefined => {
  for (let current = dir; ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
};

/** The TypeScript compiler the project resolves, if it has one. */
const tscOf = (file: string): string | undefined => {
  try {
    return createRequire(file).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
};

/** Runs type checks one at a time; a check asked for while one runs starts when it ends. */
export interface TypeChecker {
  readonly check: () => void;
  readonly close: () => void;
}

/**
 * Type-checks the project of `file` with its own `tsc --noEmit` (its
 * nearest tsconfig.json) in a child process, reporting the errors (or that
 * all is well after errors) through `report`. It never blocks serving: the
 * server reloads whatever the types say, and the loop goes on.
 */
export const typeChecker = (file: string, report: (message: string) => void): TypeChecker => {
  const tsc = tscOf(file);
  const tsconfig = tsconfigOf(dirname(file));
  let running: ReturnType<typeof spawn> | undefined;
  let again = false;
  let hadErrors = false;
  let said = false;
  const check = () => {
    if (!tsc || !tsconfig) {
      if (!said) report('type checks off: no typescript (or tsconfig.json) found for this project');
      said = true;
      return;
    }
    if (running) {
      again = true;
      return;
    }
    let output = '';
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', tsconfig], {
      cwd: dirname(tsconfig),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('close', (code) => {
      running = undefined;
      if (code === 0) {
        if (hadErrors) report('type errors fixed');
        hadErrors = false;
      } else if (code !== null) {
        hadErrors = true;
        const errors = output.split('\n').filter((line) => line.includes('error TS'));
        report(`type errors (the server still reloads):\n${(errors.length > 0 ? errors : [output.trim()]).join('\n')}`);
      }
      if (again) {
        again = false;
        check();
      }
    });
  };
  return { check, close: () => running?.kill() };
};
