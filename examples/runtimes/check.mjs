// Serves the fetch handler on Bun (Bun.serve), Deno (Deno.serve) and workerd
// (Cloudflare's Workers runtime), each from its npm package (`bun`, `deno`,
// `workerd`), and drives each with the SDK client over Streamable HTTP.
// Usage: node check.mjs [bun|deno|workerd ...]   (exit 0 when all answered)
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WORKERD = 'workerd@1';

/**
 * Spawns a server and resolves with its URL once `urlOf` finds one in what it
 * prints (on stdout, stderr, or the extra pipe at fd 3), or rejects when it
 * exits first or stays silent for 120 s. `stop()` resolves once it exited.
 */
const serveOn = (name, command, args, urlOf, { cwd = HERE, signal = 'SIGTERM' } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const exited = new Promise((done) => child.once('exit', done));
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: no address in 120 s:\n${output}`));
    }, 120_000);
    const read = (chunk) => {
      output += String(chunk);
      const url = urlOf(output);
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    for (const stream of child.stdio.slice(1)) stream.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before serving:\n${output}`));
    });
  });

const listeningLine = (output) => /listening (\S+)/.exec(output)?.[1];

/** Bundles worker.ts with esbuild beside a copy of workerd.capnp, and serves it with workerd's binary. */
const serveOnWorkerd = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-workerd-'));
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(HERE, 'worker.ts')],
    outfile: join(dir, 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    // Reached only by serveHttp, the proxy and connect(), never by the fetch handler: left out of the bundle.
    external: ['node:*', '@modelcontextprotocol/sdk/client/*', '@modelcontextprotocol/sdk/inMemory.js', 'tsx'],
    logLevel: 'warning',
  });
  copyFileSync(join(HERE, 'workerd.capnp'), join(dir, 'workerd.capnp'));
  // npx installs the package; its binary is then run directly, so that it keeps fd 3 (--control-fd).
  const bin = execFileSync('npx', ['-y', '-p', WORKERD, '--', 'sh', '-c', 'command -v workerd'], {
    encoding: 'utf8',
  }).trim();
  // The platform package's own binary, when there: workerd's bin can be a node shim that would not pass fd 3 on.
  const arch = process.arch === 'x64' ? '64' : process.arch;
  const native = join(dirname(dirname(realpathSync(bin))), '..', '@cloudflare', `workerd-${process.platform}-${arch}`);
  const binary = existsSync(join(native, 'bin', 'workerd')) ? join(native, 'bin', 'workerd') : bin;
  const running = await serveOn(
    'workerd',
    binary,
    ['serve', 'workerd.capnp', '--control-fd=3'],
    (output) => {
      const port = /"event":"listen","socket":"http","port":(\d+)/.exec(output)?.[1];
      return port && `http://127.0.0.1:${port}/mcp`;
    },
    // workerd drains on SIGTERM/SIGINT and does not exit while a client's connection lingers.
    { cwd: dir, signal: 'SIGKILL' },
  );
  return {
    url: running.url,
    stop: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const RUNTIMES = {
  bun: () => serveOn('bun', 'npx', ['-y', 'bun@1', 'fetch-server.ts'], listeningLine),
  deno: () =>
    serveOn(
      'deno',
      'npx',
      ['-y', 'deno@2', 'run', '--allow-net', '--allow-env', '--allow-read', 'fetch-server.ts'],
      listeningLine,
    ),
  workerd: serveOnWorkerd,
};

// Each runtime resolves @mcpkit/* through node_modules to the packages' builds.
if (!existsSync(new URL('../../packages/runtime/dist/index.js', import.meta.url))) {
  execFileSync('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'build'], {
    cwd: new URL('../..', import.meta.url),
    stdio: 'inherit',
  });
}

const chosen = process.argv.slice(2);
let failed = 0;
for (const [name, start] of Object.entries(RUNTIMES)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  let running;
  try {
    running = await start();
    const client = new Client({ name: 'runtimes-check', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
    const info = client.getServerVersion();
    const first = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
    // A second call on the same session: the session outlives the request that opened it.
    const second = await client.callTool({ name: 'add', arguments: { a: 40, b: 2 } });
    await client.close();
    const texts = [first, second].map((result) => result.content?.[0]?.text);
    if (info?.name !== `fetch-${name}` || texts[0] !== `3 on ${name}` || texts[1] !== `42 on ${name}`)
      throw new Error(`${name}: ${JSON.stringify({ info, first, second })}`);
    console.log(`ok   ${name}: ${info.name} answered tools/call over Streamable HTTP (${texts.join(', ')})`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  } finally {
    await running?.stop();
  }
}
process.exit(failed === 0 ? 0 : 1);
