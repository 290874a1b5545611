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
  /** Streamable HTTP: idle time after which a session is closed. */
  readonly sessionTtlMs?: number;
  /** Streamable HTTP and SSE: most concurrent sessions. */
  readonly maxSessions?: number;
}

/** The `run` flags as parsed; undefined when not given. */
export interface RunFlags {
  readonly transport?: string;
  readonly host?: string;
  readonly port?: string;
  readonly path?: string;
  readonly stateless?: boolean;
  readonly json?: boolean;
  readonly 'session-ttl'?: string;
  readonly 'max-sessions'?: string;
}

/** Environment variables `mcpkit run` reads, one per flag. */
export const ENV = {
  transport: 'MCPKIT_TRANSPORT',
  host: 'MCPKIT_HOST',
  port: 'MCPKIT_PORT',
  path: 'MCPKIT_PATH',
  stateless: 'MCPKIT_STATELESS',
  json: 'MCPKIT_JSON',
  sessionTtl: 'MCPKIT_SESSION_TTL',
  maxSessions: 'MCPKIT_MAX_SESSIONS',
} as const;

/** The flags that only mean something over a network transport; given alone, they imply `--transport http`. */
const NETWORK_FLAGS = ['host', 'port', 'path', 'stateless', 'json', 'session-ttl', 'max-sessions'] as const;

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

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

const whereOf = (source: string, flag: string) => (source === 'flag' ? flag : source);

/** `90`, `90s`, `15m`, `1h`, `500ms` (a bare number is seconds) as milliseconds. */
const durationOf = (value: string | undefined, source: string): number | undefined => {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const ms = match ? Math.round(Number(match[1]) * (UNITS[match[2] ?? 's'] as number)) : Number.NaN;
  if (ms > 0 && Number.isSafeInteger(ms)) return ms;
  throw new UsageError(
    `${whereOf(source, '--session-ttl')} must be a duration such as 90s, 15m or 1h (a bare number is seconds); got '${value}'`,
    'run',
  );
};

const countOf = (value: string | undefined, source: string): number | undefined => {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) return Number(value);
  throw new UsageError(
    `${whereOf(source, '--max-sessions')} must be a whole number of at least 1; got '${value}'`,
    'run',
  );
};

const booleanOf = (flag: boolean | undefined, env: NodeJS.ProcessEnv, name: string): boolean => {
  if (flag !== undefined) return flag;
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || FALSE.includes(value)) return false;
  if (TRUE.includes(value)) return true;
  throw new UsageError(`${name} must be true or false (1/0, yes/no); got '${env[name]}'`, 'run');
};

/**
 * The transport: the flag, else the variable, else `http` when a network-only
 * flag (`--port`, `--host`, …) was given, else stdio. Network flags with an
 * explicit stdio transport are a usage error rather than silently ignored.
 */
const resolveTransport = (flags: RunFlags, env: NodeJS.ProcessEnv): TransportName => {
  const picked = pick(flags.transport, env, ENV.transport);
  const networkFlags = NETWORK_FLAGS.filter((name) => flags[name] !== undefined).map((name) => `--${name}`);
  if (picked.value === undefined) return networkFlags.length > 0 ? 'http' : 'stdio';
  const transport = transportOf(picked.value, picked.source);
  if (transport === 'stdio' && networkFlags.length > 0) {
    const where = picked.source === 'flag' ? '--transport stdio' : `${ENV.transport}=stdio`;
    throw new UsageError(
      `${networkFlags.join(', ')} ${networkFlags.length > 1 ? 'apply' : 'applies'} only to --transport http or sse, but ${where} was given`,
      'run',
    );
  }
  return transport;
};

/**
 * Resolves how to serve: each setting comes from its flag if given, else its
 * `MCPKIT_*` environment variable, else the default (stdio, or http when a
 * network flag such as `--port` is given; the rest as `serve()` defaults
 * them). Invalid values are usage errors naming their source.
 */
export const resolveRunSettings = (flags: RunFlags, env: NodeJS.ProcessEnv): RunSettings => {
  const ttl = pick(flags['session-ttl'], env, ENV.sessionTtl);
  const max = pick(flags['max-sessions'], env, ENV.maxSessions);
  const port = pick(flags.port, env, ENV.port);
  const host = flags.host ?? fromEnv(env, ENV.host);
  const path = flags.path ?? fromEnv(env, ENV.path);
  if (path !== undefined && !path.startsWith('/')) {
    throw new UsageError(`The path must start with '/'; got '${path}'`, 'run');
  }
  return {
    transport: resolveTransport(flags, env),
    ...(host !== undefined && { host }),
    ...(path !== undefined && { path }),
    ...(port.value !== undefined && { port: portOf(port.value, port.source) }),
    stateless: booleanOf(flags.stateless, env, ENV.stateless),
    json: booleanOf(flags.json, env, ENV.json),
    ...(ttl.value !== undefined && { sessionTtlMs: durationOf(ttl.value, ttl.source) }),
    ...(max.value !== undefined && { maxSessions: countOf(max.value, max.source) }),
  };
};
