import { createServer, DefinitionError, mount, type Server, type ServerInfo } from '@mcpkit/core';
import { parseConfig } from './config-schema.js';
import { type ProxyOptions, proxy } from './proxy.js';

/** Options of {@link fromConfig}. */
export interface FromConfigOptions
  extends Pick<ProxyOptions, 'clientInfo' | 'timeoutMs' | 'sessions' | 'maxConnections' | 'idleMs'> {
  /** The combined server's identity; default `{ name: 'mcp-config', version: '1.0.0' }`. */
  readonly info?: ServerInfo;
  /** The directory relative `cwd` entries resolve against, and the `cwd` of commands that name none (e.g. the config file's directory). */
  readonly baseDir?: string;
}

/**
 * A config entry's name as a namespace: each run of characters other than
 * letters, digits, `_`, `-` and `.` becomes one `_` (so `my server` →
 * `my_server`, `@acme/files` → `_acme_files`).
 */
export const namespaceOf = (name: string): string => name.replace(/[^A-Za-z0-9_.-]+/g, '_');

const isAbsolute = (path: string) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');

const resolveCwd = (cwd: string | undefined, baseDir: string | undefined) => {
  if (!baseDir) return cwd;
  if (cwd === undefined) return baseDir;
  return isAbsolute(cwd) ? cwd : `${baseDir.replace(/[\\/]+$/, '')}/${cwd}`;
};

/**
 * One server that proxies every server of an MCP config file (the
 * `mcpServers` format of Claude Desktop and Cursor, or VS Code's `servers`),
 * each mounted under its name as namespace: `weather` → tools
 * `weather_forecast`, resources `scheme://weather/…`. A remote that is down
 * lists nothing (with a warning) rather than hiding the others.
 *
 * @example
 * const server = fromConfig(await readFile('mcp.json', 'utf8'));
 * await serve(server, { transport: 'http', port: 3000 });
 */
export const fromConfig = (json: unknown, options: FromConfigOptions = {}): Server => {
  const { key, entries } = parseConfig(json);
  const taken = new Map<string, string>();
  const mounts = entries.map(([name, entry]) => {
    const namespace = namespaceOf(name);
    if (!/[A-Za-z0-9]/.test(namespace)) {
      throw new DefinitionError(`${key}.${name}: the name needs at least one letter or digit to make a namespace`);
    }
    const clash = taken.get(namespace);
    if (clash !== undefined) {
      throw new DefinitionError(
        `${key}.${name} and ${key}.${clash} both become the namespace "${namespace}": rename one of them`,
      );
    }
    taken.set(namespace, name);
    const target =
      entry.kind === 'stdio' ? { ...entry.target, cwd: resolveCwd(entry.target.cwd, options.baseDir) } : entry.target;
    const provider = proxy(target, {
      name,
      clientInfo: options.clientInfo,
      timeoutMs: options.timeoutMs,
      sessions: options.sessions,
      maxConnections: options.maxConnections,
      idleMs: options.idleMs,
      emptyListsWhenDown: true,
    });
    return mount(provider, { namespace });
  });
  return createServer(options.info ?? { name: 'mcp-config', version: '1.0.0' }, mounts);
};
