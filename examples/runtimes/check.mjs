// Serves fetch-server.ts on Bun (Bun.serve) and on Deno (Deno.serve), both from
// the npm registry's `bun` and `deno` packages, and drives each with the SDK
// client over Streamable HTTP. Exit 0 when both answered.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const RUNTIMES = {
  bun: ['-y', 'bun@1', 'fetch-server.ts'],
  deno: ['-y', 'deno@2', 'run', '--allow-net', '--allow-env', '--allow-read', 'fetch-server.ts'],
};

const serveOn = (name, args) =>
  new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: new URL('.', import.meta.url), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: no "listening" line in 120 s:\n${output}`));
    }, 120_000);
    const read = (chunk) => {
      output += String(chunk);
      const url = /listening (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop: () => child.kill('SIGTERM') });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before serving:\n${output}`));
    });
  });

// Bun and Deno resolve @mcpkit/* through node_modules to the packages' builds.
if (!existsSync(new URL('../../packages/runtime/dist/index.js', import.meta.url))) {
  execFileSync('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'build'], {
    cwd: new URL('../..', import.meta.url),
    stdio: 'inherit',
  });
}

let failed = 0;
for (const [name, args] of Object.entries(RUNTIMES)) {
  let running;
  try {
    running = await serveOn(name, args);
    const client = new Client({ name: 'runtimes-check', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(running.url)));
    const info = client.getServerVersion();
    const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
    await client.close();
    const text = result.content?.[0]?.text;
    if (info?.name !== `fetch-${name}` || text !== `3 on ${name}`)
      throw new Error(`${name}: ${JSON.stringify({ info, result })}`);
    console.log(`ok   ${name}: ${info.name} answered tools/call over Streamable HTTP (${text})`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  } finally {
    running?.stop();
  }
}
process.exit(failed === 0 ? 0 : 1);
