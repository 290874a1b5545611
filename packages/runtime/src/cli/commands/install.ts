import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { CLIENT_IDS, CLIENTS, type Scope } from '../install/clients.js';
import { lineDiff } from '../install/line-diff.js';
import { mergeEntries } from '../install/merge-entry.js';
import { specsOfTarget } from '../install/specs-of-target.js';
import { note, write } from '../output.js';
import { parseCommand } from '../parse.js';
import { parseDotenv } from '../parse-dotenv.js';
import { closestOf } from '../suggest.js';
import { CliError, UsageError } from '../usage-error.js';

const FLAGS = {
  name: { type: 'string' },
  env: { type: 'string', multiple: true },
  'env-file': { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  transport: { type: 'string' },
  scope: { type: 'string' },
  config: { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

/** The variable that replaces the home directory when finding client configs (tests point it at a temp dir). */
export const INSTALL_HOME_ENV = 'MCPKIT_INSTALL_HOME';

const pairs = (values: readonly string[], separator: RegExp, what: string): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const value of values) {
    const match = separator.exec(value);
    if (!match || match.index === 0)
      throw new UsageError(
        `${what} must look like ${what === '--env' ? 'KEY=value' : "'Name: value'"}; got '${value}'`,
        'install',
      );
    result[value.slice(0, match.index).trim()] = value.slice(match.index + match[0].length).trim();
  }
  return result;
};

const envOf = (files: readonly string[], inline: readonly string[], cwd: string): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const file of files) {
    const path = resolve(cwd, file);
    if (!existsSync(path)) throw new CliError(`No such env file: ${path}`);
    Object.assign(env, parseDotenv(readFileSync(path, 'utf8')));
  }
  return { ...env, ...pairs(inline, /=/, '--env') };
};

/** The entry name: --name, else the server's own name (loading the module checks it exports one), else the URL's host. */
const nameOf = async (target: string, given: string | undefined): Promise<string> => {
  if (given !== undefined) {
    if (given.trim() === '') throw new UsageError('--name must not be empty', 'install');
    return given;
  }
  if (/^https?:\/\//i.test(target)) return new URL(target).hostname;
  if (target.endsWith('.json')) return basename(target, '.json');
  const { loadServer } = await import('../load-server.js');
  return (await loadServer(target)).info.name;
};

/** Writes atomically: a crash mid-write never leaves a half-written client config. */
const writeAtomically = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.mcpkit-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
};

/**
 * `mcpkit install <client> <file|mcp.json|url>`: adds the server to a
 * client's config (Claude Desktop, Claude Code, Cursor, VS Code or a plain
 * mcp.json), with absolute paths and the given env vars. Shows the diff, then
 * writes it (`--dry-run` only shows); never touches other entries, and
 * refuses to replace a different entry of the same name without `--force`.
 */
export const installCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand('install', args, FLAGS, { min: 2, max: 2, names: '<client> <file|mcp.json|url>' });
  if (parsed.help) return 'help';
  const [clientId, target] = parsed.positionals as [string, string];
  const client = CLIENTS[clientId];
  if (!client) {
    const guess = closestOf(clientId, CLIENT_IDS);
    throw new UsageError(
      `Unknown client '${clientId}'${guess ? ` (did you mean '${guess}'?)` : ''}; the clients are ${CLIENT_IDS.join(', ')}`,
      'install',
    );
  }
  const values = parsed.values;
  const scope = (values.scope as string | undefined) ?? client.scopes[0];
  if (!client.scopes.includes(scope as Scope)) {
    throw new UsageError(`--scope for ${client.id} must be ${client.scopes.join(' or ')}; got '${scope}'`, 'install');
  }
  const transport = values.transport as string | undefined;
  if (transport !== undefined && transport !== 'http' && transport !== 'sse') {
    throw new UsageError(`--transport must be http or sse (for a URL); got '${transport}'`, 'install');
  }
  const cwd = process.cwd();
  const env = envOf((values['env-file'] as string[]) ?? [], (values.env as string[]) ?? [], cwd);
  const headers = pairs((values.header as string[]) ?? [], /:/, '--header');
  const name = await nameOf(target, values.name as string | undefined);
  const specs = specsOfTarget(target, name, {
    cwd,
    env,
    headers,
    launcher: { node: process.execPath },
    ...(transport !== undefined && { transport: transport as 'http' | 'sse' }),
  });
  const home = process.env[INSTALL_HOME_ENV] || homedir();
  const path = values.config
    ? resolve(cwd, values.config as string)
    : client.path(scope as Scope, {
        home,
        cwd,
        platform: process.platform,
        appData: process.env[INSTALL_HOME_ENV] ? undefined : process.env.APPDATA,
      });
  const entries = Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, client.entry(spec)]));
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const merged = mergeEntries(existing, client.key, entries, { force: values.force === true, path });
  const names = Object.keys(entries).join(', ');
  if (!merged.changed) {
    await note(`${path} already has ${names} as given; nothing to do`);
    return 0;
  }
  await write(
    process.stdout,
    `${existing === undefined ? 'new file' : 'changes to'} ${path}:\n${lineDiff(merged.before, merged.after)}`,
  );
  if (values['dry-run'] === true) {
    await note('dry run: nothing written');
    return 0;
  }
  writeAtomically(path, merged.after);
  await note(`added ${names} to ${client.label} (${path}). ${client.next}`);
  return 0;
};
