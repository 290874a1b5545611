import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseConfig } from '../../proxy/config-schema.js';
import { CliError } from '../usage-error.js';
import type { ServerSpec } from './server-spec.js';

/** How `mcpkit install` starts a module: facts of this machine, passed in so tests can pin them. */
export interface Launcher {
  /** The node to run (absolute: clients often start with a bare PATH). Default `process.execPath`. */
  readonly node: string;
}

const isUrl = (target: string) => /^https?:\/\//i.test(target);

/**
 * The `mcpkit` bin of the `@mcpkit/runtime` the module itself resolves (its
 * project's install), so the entry keeps working after an npx cache is
 * cleared; undefined when the module's directory does not resolve it.
 */
const localBin = (file: string): string | undefined => {
  try {
    const manifest = createRequire(file).resolve('@mcpkit/runtime/package.json');
    const bin = join(dirname(manifest), 'bin', 'mcpkit.js');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
};

/** The entry for a server module: node on the project's `mcpkit` bin, else `npx -y @mcpkit/runtime`; absolute paths. */
export const moduleSpec = (
  file: string,
  env: Readonly<Record<string, string>>,
  launcher: Launcher,
  extraArgs: readonly string[] = [],
): ServerSpec => {
  const bin = localBin(file);
  return bin
    ? { kind: 'stdio', command: launcher.node, args: [bin, 'run', file, ...extraArgs], env }
    : { kind: 'stdio', command: 'npx', args: ['-y', '@mcpkit/runtime', 'run', file, ...extraArgs], env };
};

/** The entries of an MCP config file, by name, each made absolute (relative `cwd` against the file's directory). */
const configSpecs = (path: string, env: Readonly<Record<string, string>>): Record<string, ServerSpec> => {
  let parsed: ReturnType<typeof parseConfig>;
  try {
    parsed = parseConfig(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`Could not read ${path}: ${(error as Error).message}`);
  }
  const specs: Record<string, ServerSpec> = {};
  for (const [name, entry] of parsed.entries) {
    if (entry.kind === 'url') {
      specs[name] = {
        kind: 'url',
        url: String(entry.target.url),
        transport: entry.target.transport === 'sse' ? 'sse' : 'http',
        headers: { ...entry.target.headers },
      };
    } else {
      const { command, args = [], env: own = {}, cwd } = entry.target;
      specs[name] = {
        kind: 'stdio',
        command,
        args,
        env: { ...own, ...env },
        ...(cwd !== undefined && { cwd: isAbsolute(cwd) ? cwd : resolve(dirname(path), cwd) }),
      };
    }
  }
  return specs;
};

/**
 * What to install for `target`: an http(s) URL (one remote entry), an MCP
 * config file (each of its entries) or a server module (one stdio entry).
 * `name` is the module's or URL's entry name.
 */
export const specsOfTarget = (
  target: string,
  name: string,
  options: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string>>;
    readonly headers: Readonly<Record<string, string>>;
    readonly launcher: Launcher;
    readonly transport?: 'http' | 'sse';
  },
): Record<string, ServerSpec> => {
  if (isUrl(target)) {
    return { [name]: { kind: 'url', url: target, transport: options.transport ?? 'http', headers: options.headers } };
  }
  const path = resolve(options.cwd, target);
  if (!existsSync(path)) throw new CliError(`No such file: ${path}`);
  if (path.endsWith('.json')) return configSpecs(path, options.env);
  return { [name]: moduleSpec(path, options.env, options.launcher) };
};
