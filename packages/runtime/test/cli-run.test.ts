import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cliArgs, EVERYTHING, ROOT, type RunningCli, scratch, startRun } from './cli-helpers.js';

const files = scratch();
afterAll(() => files.remove());

const running: RunningCli[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close().catch(() => {})));
  await Promise.all(running.splice(0).map((run) => run.stop()));
});

const connectHttp = async (url: string): Promise<Client> => {
  const client = new Client({ name: 'cli-test', version: '1.0.0' });
  clients.push(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
};

/** `mcpkit run <file>` over stdio, driven by an SDK client; stderr and client errors are collected. */
const connectStdio = async (file: string) => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: cliArgs('run', file),
    cwd: ROOT,
    env: { ...process.env } as Record<string, string>,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const errors: Error[] = [];
  const client = new Client({ name: 'cli-test', version: '1.0.0' });
  clients.push(client);
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  return { client, errors, stderr: () => stderr };
};

const start = async (args: string[], env?: NodeJS.ProcessEnv) => {
  const run = await startRun(args, env);
  running.push(run);
  return run;
};

describe('mcpkit run over stdio', () => {
  it('serves the module to an SDK client: list and call tools', async () => {
    const { client, stderr } = await connectStdio(EVERYTHING);
    expect(client.getServerVersion()).toEqual({ name: 'mcpkit-everything', version: '0.1.0' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('test_simple_text');
    const result = await client.callTool({ name: 'test_simple_text', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'This is a simple text response for testing.' }]);
    expect(stderr()).toContain('mcpkit: serving mcpkit-everything 0.1.0 over stdio');
  });

  it('keeps stdout for protocol: console.log from the module at import time goes to stderr', async () => {
    const file = files.file(
      'chatty.ts',
      `import { createServer, tool } from '@mcpkit/core';
console.log('hello from module scope');
export default createServer({ name: 'chatty', version: '1.0.0' }, [
  tool({ name: 'shout', run: () => { console.log('hello from a tool'); return 'done'; } }),
]);`,
    );
    const { client, errors, stderr } = await connectStdio(file);
    expect((await client.callTool({ name: 'shout', arguments: {} })).content).toEqual([{ type: 'text', text: 'done' }]);
    expect(errors).toEqual([]);
    expect(stderr()).toContain('hello from module scope');
    // stderr is its own pipe: what the tool wrote may arrive after the answer on stdout.
    await vi.waitFor(() => expect(stderr()).toContain('hello from a tool'));
  });

  it('exits 0 when the client closes stdin', async () => {
    const child = spawn(process.execPath, cliArgs('run', EVERYTHING), { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const answered = new Promise<string>((resolve) => {
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += String(chunk);
          if (stdout.includes('\n')) resolve(stdout);
        });
      });
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })}\n`);
      expect(JSON.parse(await answered)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(stderr).toContain('stdin closed: shutting down');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('mcpkit run over Streamable HTTP', () => {
  it('serves on the port it is given (0 = any) and names the bound URL on stderr', async () => {
    const run = await start([EVERYTHING, '--transport', 'http', '--port', '0']);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(run.url).not.toMatch(/:0\//);
    const client = await connectHttp(run.url as string);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(27);
    const progress: number[] = [];
    const result = await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined, {
      onprogress: ({ progress: value }) => progress.push(value),
    });
    expect(result.content).toEqual([{ type: 'text', text: 'Tool with progress executed successfully' }]);
    expect(progress).toEqual([0, 50, 100]);
  });

  it('passes --stateless and --json (or MCPKIT_STATELESS / MCPKIT_JSON) to the transport', async () => {
    const initialize = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
        }),
      });
    const plain = await initialize((await start([EVERYTHING, '--transport', 'http', '--port', '0'])).url as string);
    expect(plain.headers.get('content-type')).toContain('text/event-stream');
    expect(plain.headers.get('mcp-session-id')).toBeTruthy();
    await plain.body?.cancel();
    for (const run of [
      await start([EVERYTHING, '--transport', 'http', '--port', '0', '--stateless', '--json']),
      await start([EVERYTHING, '--transport', 'http', '--port', '0'], { MCPKIT_STATELESS: '1', MCPKIT_JSON: 'true' }),
    ]) {
      const response = await initialize(run.url as string);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('mcp-session-id')).toBeNull();
      expect(await response.json()).toMatchObject({ id: 1, result: { serverInfo: { name: 'mcpkit-everything' } } });
    }
  });

  it('shuts down cleanly with exit code 0 on SIGTERM', async () => {
    const run = await startRun([EVERYTHING, '--transport', 'http', '--port', '0']);
    expect(await run.stop()).toBe(0);
    expect(run.stderr()).toContain('SIGTERM: shutting down');
  });

  it('takes its settings from MCPKIT_* variables', async () => {
    const run = await start([EVERYTHING], { MCPKIT_TRANSPORT: 'http', MCPKIT_PORT: '0', MCPKIT_PATH: '/from-env' });
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/from-env$/);
    const client = await connectHttp(run.url as string);
    expect((await client.listPrompts()).prompts).toHaveLength(5);
  });

  it('lets flags win over MCPKIT_* variables', async () => {
    const run = await start([EVERYTHING, '--transport', 'http', '--path', '/from-flag', '--port', '0'], {
      MCPKIT_TRANSPORT: 'stdio',
      MCPKIT_PATH: '/from-env',
      MCPKIT_PORT: '1',
    });
    expect(run.url).toMatch(/\/from-flag$/);
    const client = await connectHttp(run.url as string);
    expect((await client.readResource({ uri: 'test://static-text' })).contents).toHaveLength(1);
  });

  it('fails with code 1 and the reason when the port is taken', async () => {
    const first = await start([EVERYTHING, '--transport', 'http', '--port', '0']);
    const port = new URL(first.url as string).port;
    await expect(startRun([EVERYTHING, '--transport', 'http', '--port', port])).rejects.toThrow(
      /exited \(1\)[\s\S]*Could not serve over http: .*EADDRINUSE/,
    );
  });
});

describe('mcpkit run over legacy SSE', () => {
  it('serves the SSE endpoint at --path and answers an SSE client', async () => {
    const run = await start([EVERYTHING, '--transport', 'sse', '--port', '0', '--path', '/events']);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/events$/);
    const client = new Client({ name: 'cli-test', version: '1.0.0' });
    clients.push(client);
    await client.connect(new SSEClientTransport(new URL(run.url as string)));
    const result = await client.callTool({ name: 'test_simple_text', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'This is a simple text response for testing.' }]);
  });
});
