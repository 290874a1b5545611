import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDotenv } from './parse-dotenv.js';
import { CliError } from './usage-error.js';

/**
 * Loads environment files into `env` before the server's module is imported:
 * each `--env-file` in order (a missing one is an error), or else `.env` in
 * `cwd` when it exists. Variables already set win (as with Node's
 * `--env-file`), and an earlier file wins over a later one. Returns the files read.
 */
export const loadEnvFiles = (
  files: readonly string[],
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string[] => {
  const paths = files.length > 0 ? files.map((file) => resolve(cwd, file)) : [resolve(cwd, '.env')];
  const read: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      if (files.length > 0) throw new CliError(`No such env file: ${path}`);
      continue;
    }
    let values: Record<string, string>;
    try {
      values = parseDotenv(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CliError(`Could not read env file ${path}: ${(error as Error).message}`);
    }
    for (const [key, value] of Object.entries(values)) if (env[key] === undefined) env[key] = value;
    read.push(path);
  }
  return read;
};
