import { appendFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from '@mcpkit/core';
import { markCliProcess, selfServeMessage, stdioServersStarted } from './stdio-guard.js';
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
 * An MCP config file (`mcpServers`, as Claude Desktop, Cursor and VS Code
 * write them) as one server proxying each entry; relative paths in it are
 * relative to the file's directory.
 */
const loadConfig = async (path: string, file: string): Promise<Server> => {
  const { fromConfig } = await import('../proxy/from-config.js');
  try {
    return fromConfig(await readFile(path, 'utf8'), {
      baseDir: dirname(path),
      info: { name: basename(path, '.json'), version: '1.0.0' },
    });
  } catch (error) {
    throw new CliError(`Could not load ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
};

/** True for a JSON or YAML file whose top level has `openapi` or `swagger` (not an MCP config). */
const isOpenApiFile = async (path: string): Promise<boolean> => {
  if (!/\.(json|ya?ml)$/.test(path)) return false;
  const text = await readFile(path, 'utf8');
  if (!path.endsWith('.json')) return /^(openapi|swagger)\s*:/m.test(text);
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && ('openapi' in value || 'swagger' in value);
  } catch {
    return false;
  }
};

/** An OpenAPI document served through `@mcpkit/openapi` (an optional dependency), calling `baseUrl`. */
const loadOpenApi = async (path: string, file: string, baseUrl: string | undefined): Promise<Server> => {
  const loaded = await import('@mcpkit/openapi').catch(() => undefined);
  if (!loaded) throw new CliError(`${file} is an OpenAPI document: install @mcpkit/openapi to serve it`);
  return loaded.openapi(path, { baseUrl }).catch((error: unknown) => {
    throw new CliError(`Could not load ${file}: ${error instanceof Error ? error.message : String(error)}`);
  });
};

/**
 * Under `mcpkit dev`, the child serving the module lists the project files it
 * imports (one path a line, in the file `MCPKIT_DEV_IMPORTS` names) so the
 * parent knows what to watch. Packages in node_modules are left out.
 */
const recordImport = (): ((url: string) => void) | undefined => {
  const record = process.env.MCPKIT_DEV_IMPORTS;
  if (!record) return undefined;
  return (url) => {
    if (url.startsWith('file:') && !url.includes('/node_modules/')) appendFileSync(record, `${fileURLToPath(url)}\n`);
  };
};

/**
 * Imports the user's module, TypeScript included, with tsx's scoped loader
 * (so no build step and no global loader), and returns the server it exports.
 * tsx honours the tsconfig.json of the working directory, `paths` included.
 * A `.json` file is read as an MCP config file instead (see `fromConfig`),
 * and a JSON or YAML OpenAPI document as a server calling its API.
 */
export const loadServer = async (file: string, cwd = process.cwd(), baseUrl?: string): Promise<Server> => {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`);
  if (await isOpenApiFile(path)) return loadOpenApi(path, file, baseUrl);
  if (path.endsWith('.json')) return loadConfig(path, file);
  const { tsImport } = await import('tsx/esm/api');
  markCliProcess(file);
  let module: Record<string, unknown>;
  try {
    module = await tsImport(pathToFileURL(path).href, { parentURL: import.meta.url, onImport: recordImport() });
  } catch (error) {
    if (stdioServersStarted() > 1) throw new CliError(selfServeMessage(file), { cause: error });
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new CliError(`Could not load ${file}:\n${reason}`, { cause: error });
  }
  // A module that serves itself at import (`await serve(server)`) has taken stdio already.
  if (stdioServersStarted() > 0) throw new CliError(selfServeMessage(file));
  return serverOf(module, file);
};
