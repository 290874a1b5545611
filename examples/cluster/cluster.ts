/**
 * Starts the example cluster: one redis-server, N instances of the cluster
 * server (child processes) and nginx in front of them, all on loopback
 * ports, each in the foreground of its own process. Used by `start.ts` and
 * by the cluster tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Child, startChild } from './child.js';
import { freePort } from './free-port.js';
import { nginxConfig } from './nginx-config.js';

/** The repository root: instances run from there so tsx finds the workspace's tsconfig paths. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INSTANCE_ENTRY = fileURLToPath(new URL('./instance.ts', import.meta.url));

/** Debian's `redis-server` (`apt-get install -y redis-server`); `REDIS_SERVER_BIN` overrides it. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
/** Debian's `nginx` (`apt-get install -y nginx-light`); `NGINX_BIN` overrides it. */
export const NGINX_BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

/** Options of {@link startCluster}. */
export interface ClusterOptions {
  /** How many instances; default 3. */
  readonly instances?: number;
  /** Copy every process's output to stderr. Default false. */
  readonly echo?: boolean;
}

/** One instance process, restartable on its port. */
export interface ClusterInstance {
  readonly name: string;
  readonly port: number;
  /** Its own URL, bypassing the balancer. */
  readonly url: string;
  /** Its process id, while it runs. */
  readonly pid: () => number | undefined;
  /** Stops it (SIGKILL: a crash). */
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same port. */
  readonly start: () => Promise<void>;
}

/** A running cluster. */
export interface Cluster {
  /** The balancer's MCP endpoint, e.g. `http://127.0.0.1:40123/mcp`. */
  readonly url: string;
  readonly redisUrl: string;
  readonly instances: readonly ClusterInstance[];
  /** Stops Redis and starts it again on the same port and data (append-only file, fsynced per write). */
  readonly restartRedis: (signal?: NodeJS.Signals) => Promise<void>;
  /** Stops Redis (to see how the instances behave without it). */
  readonly stopRedis: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts Redis again after `stopRedis`. */
  readonly startRedis: () => Promise<void>;
  /** Every process's output so far, for diagnosing a failure. */
  readonly output: () => string;
  /** Stops everything and removes the temp directory. */
  readonly close: () => Promise<void>;
}

/** Starts the cluster; see the module comment. */
export const startCluster = async (options: ClusterOptions = {}): Promise<Cluster> => {
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-cluster-'));
  const echo = options.echo ?? false;
  const started: Child[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    // Redis, persisting every acknowledged write (append-only file, fsync always).
    const redisPort = await freePort();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    mkdirSync(join(dir, 'redis'));
    let redis: Child | undefined;
    const startRedis = async () => {
      redis = await startChild(
        'redis',
        REDIS_SERVER_BIN,
        [
          '--port',
          String(redisPort),
          '--bind',
          '127.0.0.1',
          '--dir',
          join(dir, 'redis'),
          '--save',
          '',
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--daemonize',
          'no',
        ],
        { ready: /Ready to accept connections/, echo },
      );
    };
    const stopRedis = async (signal: NodeJS.Signals = 'SIGTERM') => {
      await redis?.stop(signal);
      redis = undefined;
    };
    await startRedis();
    closers.push(() => stopRedis('SIGKILL'));

    // The instances, sharing one secret for sealed 2026-07-28 request state.
    const secret = randomBytes(32).toString('hex');
    const count = options.instances ?? 3;
    const instances: ClusterInstance[] = [];
    const processes = new Map<string, Child | undefined>();
    for (let i = 0; i < count; i++) {
      const name = `instance-${String.fromCharCode(97 + i)}`;
      const port = await freePort();
      const start = async () => {
        const child = await startChild(name, process.execPath, ['--import', 'tsx', INSTANCE_ENTRY], {
          cwd: ROOT,
          env: {
            ...process.env,
            PORT: String(port),
            REDIS_URL: redisUrl,
            INSTANCE: name,
            INPUT_SECRET: secret,
          },
          ready: /ready http:/,
          echo,
          timeoutMs: 60_000,
        });
        processes.set(name, child);
        started.push(child);
      };
      const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
        await processes.get(name)?.stop(signal);
        processes.set(name, undefined);
      };
      instances.push({
        name,
        port,
        url: `http://127.0.0.1:${port}/mcp`,
        pid: () => processes.get(name)?.process.pid,
        stop,
        start,
      });
      closers.push(() => stop('SIGTERM'));
    }
    await Promise.all(instances.map((instance) => instance.start()));

    // nginx in the foreground, round-robin over the instances.
    const port = await freePort();
    const root = process.getuid?.() === 0;
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, port, upstreams: instances.map((i) => i.port), root }));
    const nginx = await startChild(
      'nginx',
      NGINX_BIN,
      ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', `error_log stderr notice;`],
      { ready: /start worker process/, echo },
    );
    started.push(nginx);
    closers.push(() => nginx.stop('SIGQUIT'));

    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}/mcp`,
      redisUrl,
      instances,
      restartRedis: async (signal = 'SIGTERM') => {
        await stopRedis(signal);
        await startRedis();
      },
      stopRedis,
      startRedis,
      output: () => [redis, ...started].map((child) => child?.output() ?? '').join('\n'),
      close: () => {
        closing ??= (async () => {
          for (const close of closers.reverse()) await close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
};
