import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's `redis-server` (installed by scripts/test.sh). */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /**
   * Persist with the append-only file, fsynced on every write, so an
   * acknowledged write survives a kill -9 and a restart (durability tests).
   * Default false: no persistence at all, as fast as Redis goes.
   */
  readonly appendOnly?: boolean;
}

/** A `redis-server` child process on 127.0.0.1, owned by one test file. */
export interface RedisServer {
  /** The loopback port it listens on; kept across {@link RedisServer.restart}. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops the process: SIGTERM (a clean shutdown) or SIGKILL (a crash). Resolves once it exited. */
  readonly stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers PING. */
  readonly start: () => Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing is answered, as a hung Redis. */
  readonly freeze: () => void;
  /** Lets a frozen process run again (SIGCONT). */
  readonly thaw: () => void;
  /** {@link RedisServer.stop} then {@link RedisServer.start}. */
  readonly restart: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
  /** Stops it for good and removes its data directory. */
  readonly close: () => Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that dies must not leave redis-servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nothing listens on right now (redis-server cannot listen on port 0 and tell us the port). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/** Whether a redis-server answers PING on `port`. */
const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a private `redis-server` on a free loopback port with no
 * persistence (or with an fsync-always append-only file), for one test file.
 * Call `close()` in `afterAll`. `stop`/`start`/`restart` simulate an outage
 * for fault tests; the port stays the same so clients reconnect by themselves.
 */
export const startRedisServer = async (options: RedisServerOptions = {}): Promise<RedisServer> => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-redis-'));
  const persistence = options.appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    ...persistence,
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--loglevel',
    'warning',
  ];
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    if (child) return;
    const started = spawn(REDIS_SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    running.add(started);
    started.stdout?.on('data', (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    started.stderr?.on('data', (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    started.once('exit', () => {
      running.delete(started);
      if (child === started) child = undefined;
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await answersPing(port)) return;
      if (child !== started) break;
      await sleep(25);
    }
    throw new Error(`redis-server did not start on port ${port}:\n${output}`);
  };

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const current = child;
    if (!current) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    // A frozen process would hold SIGTERM until continued.
    current.kill('SIGCONT');
    current.kill(signal);
    await exited;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    freeze: () => {
      child?.kill('SIGSTOP');
    },
    thaw: () => {
      child?.kill('SIGCONT');
    },
    restart: async (signal) => {
      await stop(signal);
      await start();
    },
    close: async () => {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
