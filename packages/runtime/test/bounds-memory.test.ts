/**
 * Memory under attack: `mcpkit run examples/everything/server.ts --transport
 * http` in a child process is attacked through each memory class of issue 16
 * (huge and object-heavy initialize, unknown 3.5 MiB names, subscribe floods),
 * and its peak RSS (VmHWM) must stay under a stated bound. Before issue 16,
 * the initialize attack alone kept ~90 MB per session. Linux only (/proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cliArgs, EVERYTHING, ROOT } from './cli-helpers.js';
import { call, messagesOf, rpc } from './hardening-helpers.js';
import { initializeMessage, openRawSession, post } from './http-helpers.js';

/** The stated bound on the server's peak RSS while attacked. */
const PEAK_RSS_BOUND_MB = 400;

const peakRssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
};

const startServer = () =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs('run', EVERYTHING, '--transport', 'http', '--port', '0'), {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const url = /over http at (\S+)\n/.exec(stderr)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`mcpkit run exited (${code}):\n${stderr}`)));
  });

let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill('SIGKILL');
  server = undefined;
});

const sessionHeaders = (id: string) => ({ 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
const withCapabilities = (capabilities: object) => {
  const hello = initializeMessage();
  return {
    ...hello,
    params: { ...hello.params, clientInfo: { name: crypto.randomUUID(), version: '1' }, capabilities },
  };
};
const drain = async (response: Response) => {
  await response.arrayBuffer();
  return response.status;
};

describe('bounds: memory under attack', () => {
  it.skipIf(!existsSync('/proc/self/status'))(
    `keeps peak RSS under ${PEAK_RSS_BOUND_MB} MB while a hostile client tries each memory class`,
    { timeout: 120_000 },
    async () => {
      const started = await startServer();
      server = started.child;
      const { url } = started;
      const huge = 'n'.repeat(3.5 * 1024 * 1024);
      // Class 1 (and 10): 4 MiB initialize bodies holding 1.2 million empty objects.
      const objects = JSON.stringify(
        withCapabilities({ experimental: { pad: Array.from({ length: 1_200_000 }, () => ({})) } }),
      );
      for (let i = 0; i < 11; i++) expect(await drain(await post(url, objects))).toBe(413);
      // Class 1: object-heavy capabilities under the values cap (30 000 objects each, ~2 MB of heap estimated).
      const heavy = withCapabilities({ experimental: { pad: Array.from({ length: 30_000 }, () => ({})) } });
      for (let i = 0; i < 20; i++) {
        const answer = (await messagesOf(await post(url, heavy)))[0] as { error?: { code: number } };
        expect(answer.error?.code).toBe(-32602);
      }
      const id = await openRawSession(url);
      // Class 5: unknown 3.5 MiB tool names, answered and stored small.
      for (let i = 0; i < 30; i++) await drain(await post(url, call(i, huge), sessionHeaders(id)));
      // Class 3: subscriptions to 3.5 MiB URIs, and a flood of 4 KiB ones past maxSubscriptions.
      for (let i = 0; i < 30; i++)
        await drain(await post(url, rpc(i, 'resources/subscribe', { uri: `x://${huge}` }), sessionHeaders(id)));
      const long = 'u'.repeat(4000);
      for (let i = 0; i < 1500; i++) {
        await drain(await post(url, rpc(i, 'resources/subscribe', { uri: `x://${i}/${long}` }), sessionHeaders(id)));
      }
      const peak = peakRssMb(started.child.pid as number);
      expect(peak).toBeLessThan(PEAK_RSS_BOUND_MB);
      // And it still serves.
      const ping = (await messagesOf(await post(url, rpc('alive', 'ping'), sessionHeaders(id))))[0];
      expect(ping).toMatchObject({ id: 'alive', result: {} });
      console.error(`bounds-memory: peak RSS ${peak.toFixed(0)} MB`);
    },
  );
});
