import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Server } from '@mcpkit/core';
import { CliError } from './usage-error.js';

const isServer = (value: unknown): value is Server =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'server' &&
  typeof (value as { handle?: unknown }).handle === 'function';

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  if (value === null || Array.isArray(value)) return value === null ? 'null' : 'an array';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
};

/**
 * Picks the server a module exports: its default export, else its export
 * named `server`. A CommonJS module arrives wrapped as `{ default: exports }`,
 * so its exports are looked at too.
 */
export const serverOf = (module: Record<string, unknown>, file: string): Server => {
  const wrapped = (typeof module.default === 'object' && module.default) || {};
  const { default: inner, server: innerServer } = wrapped as Record<string, unknown>;
  for (const candidate of [module.default, module.server, inner, innerServer]) {
    if (isServer(candidate)) return candidate;
  }
  const shown = 'default' in wrapped ? inner : module.default;
  throw new CliError(
    `${file} exports no server: export one made by createServer() as the default export ` +
      `(or as \`export const server\`); its default export is ${describe(shown)}`,
  );
};

/**
 * Imports the user's module, TypeScript included, with tsx's scoped loader
 * (so no build step and no global loader), and returns the server it exports.
 * tsx honours the tsconfig.json of the working directory, `paths` included.
 */
export const loadServer = async (file: string, cwd = process.cwd()): Promise<Server> => {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`);
  const { tsImport } = await import('tsx/esm/api');
  let module: Record<string, unknown>;
  try {
    module = await tsImport(pathToFileURL(path).href, import.meta.url);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new CliError(`Could not load ${file}:\n${reason}`, { cause: error });
  }
  return serverOf(module, file);
};
