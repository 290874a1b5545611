import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectOptions } from './options.js';
import { projectFiles } from './templates.js';

/** A directory is usable when it does not exist, is empty, or `force` says to write into it anyway. */
export const isWritable = (directory: string, force: boolean): boolean =>
  force || !existsSync(directory) || readdirSync(directory).length === 0;

/** Writes a new project into `directory` and returns the files written (relative paths). */
export const scaffold = (directory: string, options: ProjectOptions): string[] => {
  const files = projectFiles(options);
  for (const [path, content] of Object.entries(files)) {
    const target = join(directory, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return Object.keys(files);
};
