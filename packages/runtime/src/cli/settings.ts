import { UsageError } from './usage-error.js';

/** The transports `mcpkit run` can serve over. */
export type TransportName = 'stdio' | 'http' | 'sse';

/** How `mcpkit run` serves; unset members take `serve()`'s defaults. */
export interface RunSettings {
  readonly transport: TransportName;
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
  readonly stateless: boolean;
  readonly json: boolean;
}

/** The `run` flags as parsed; undefined when not given. */
export interface RunFlags {
  readonly transport?: string;
  readonly host?: string;
  readonly port?: string;
  readonly path?: string;
  readonly stateless?: boolean;
  readonly json?: boolean;
}

/** Environment variables `mcpkit run` reads, one per flag. */
export const ENV = {
  transport: 'MCPKIT_TRANSPORT',
  host: 'MCPKIT_HOST',
  port: 'MCPKIT_PORT',
  path: 'MCPKIT_PATH',
  stateless: 'MCPKIT_STATELESS',
  json: 'MCPKIT_JSON',
} as const;

const TRANSPORTS: readonly TransportName[] = ['stdio', 'http', 'sse'];
const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off', ''];

// Empty environment variables count as unset, as shells often export VAR= to clear one.
const fromEnv = (env: NodeJS.ProcessEnv, name: string): string | undefined => env[name] || undefined;

const pick = (flag: string | undefined, env: NodeJS.ProcessEnv, name: string) =>
  flag !== undefined ? { value: flag, source: 'flag' } : { value: fromEnv(env, name), source: name };

const transportOf = (value: string | undefined, source: string): TransportName => {
  if (value === undefined) return 'stdio';
  if ((TRANSPORTS as readonly string[]).includes(value)) return value as TransportName;
  const where = source === 'flag' ? '--transport' : source;
  throw new UsageError(`${where} must be one of ${TRANSPORTS.join(', ')}; got '${value}'`, 'run');
};

const portOf = (value: string | undefined, source: string): number | undefined => {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (/^\d+$/.test(value) && port <= 65535) return port;
  const where = source === 'flag' ? '--port' : source;
  throw new UsageError(`${where} must be a port number from 0 to 65535; got '${value}'`, 'run');
};

const booleanOf = (flag: boolean | undefined, env: NodeJS.ProcessEnv, name: string): boolean => {
  if (flag !== undefined) return flag;
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || FALSE.includes(value)) return false;
  if (TRUE.includes(value)) return true;
  throw new UsageError(`${name} must be true or false (1/0, yes/no); got '${env[name]}'`, 'run');
};

/**
 * Resolves how to serve: each setting comes from its flag if given, else its
 * `MCPKIT_*` environment variable, else the default (stdio; the rest as
 * `serve()` defaults them). Invalid values are usage errors naming their source.
 */
export const resolveRunSettings = (flags: RunFlags, env: NodeJS.ProcessEnv): RunSettings => {
  const transport = pick(flags.transport, env, ENV.transport);
  const port = pick(flags.port, env, ENV.port);
  const host = flags.host ?? fromEnv(env, ENV.host);
  const path = flags.path ?? fromEnv(env, ENV.path);
  if (path !== undefined && !path.startsWith('/')) {
    throw new UsageError(`The path must start with '/'; got '${path}'`, 'run');
  }
  return {
    transport: transportOf(transport.value, transport.source),
    ...(host !== undefined && { host }),
    ...(path !== undefined && { path }),
    ...(port.value !== undefined && { port: portOf(port.value, port.source) }),
    stateless: booleanOf(flags.stateless, env, ENV.stateless),
    json: booleanOf(flags.json, env, ENV.json),
  };
};
