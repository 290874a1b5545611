import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliArgs, ROOT, scratch } from './cli-helpers.js';

const files = scratch();
const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
afterAll(() => files.remove());

/** Polls until `check` holds (the test's own timeout bounds it: no timing threshold here). */
const until = async <T>(check: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> => {
  for (;;) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const SERVER = `import { createServer, tool } from '@mcpkit/core';
import { word } from './helper.js';
export default createServer({ name: 'dev-fixture', version: '1.0.0' }, [tool({ name: 'word', run: () => word })]);
`;

/** A project: server.ts importing helper.ts, and a tsconfig that type-checks helper.ts. */
const project = (name: string) => {
  const server = files.file(`${name}.ts`, SERVER.replace('./helper.js', `./${name}-helper.js`));
  const helper = join(server, '..', `${name}-helper.ts`);
  writeFileSync(helper, "export const word: string = 'one';\n");
  writeFileSync(
    join(server, '..', 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true }, include: ['*-helper.ts'] }),
  );
  return { server, edit: (source: string) => writeFileSync(helper, source) };
};

const textOf = (result: Record<string, unknown>) => (result.content as { text: string }[])[0]?.text;

/** Starts `mcpkit dev` and resolves with its URL once the banner is out. */
const startDev = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const child: ChildProcess = spawn(process.execPath, cliArgs('dev', ...args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const url = await until(() => /dev: serving .* at (\S+);/.exec(stderr)?.[1] ?? (child.exitCode !== null && 'exited'));
  if (url === 'exited') throw new Error(`mcpkit dev exited:\n${stderr}`);
  return { url, stderr: () => stderr, exited, child };
};

describe('mcpkit dev', () => {
  it('reloads on an edit of an imported file: the HTTP session survives and hears list_changed; type errors are printed; a broken edit keeps the last good server', async () => {
    const { server, edit } = project('http');
    const dev = await startDev([server, '--port', '0']);
    const client = new Client({ name: 'dev-test', version: '1' });
    let changes = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes += 1;
    });
    const transport = new StreamableHTTPClientTransport(new URL(dev.url));
    await client.connect(transport);
    cleanup.push(() => client.close());
    const sessionId = transport.sessionId;
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('one');

    edit("export const word: string = 'two';\n");
    await until(() => changes >= 1);
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('two');
    expect(transport.sessionId).toBe(sessionId);

    // A type error is reported, and the code still runs (as tsx runs it).
    edit("export const word: number = 'three';\n");
    await until(() => changes >= 2);
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('three');
    await until(() => /type errors[\s\S]*error TS2322/.test(dev.stderr()));

    // A syntax error: the last good version keeps serving, and the terminal says why.
    edit('export const word = ;\n');
    await until(() => /did not load/.test(dev.stderr()));
    expect(dev.stderr()).toContain('Unexpected ";"');
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('three');

    edit("export const word: string = 'four';\n");
    await until(() => changes >= 3);
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('four');
    await until(() => /type errors fixed/.test(dev.stderr()));
    expect(transport.sessionId).toBe(sessionId);
  }, 120_000);

  it('keeps a stdio client connected across a reload and sends it list_changed', async () => {
    const { server, edit } = project('stdio');
    const client = new Client({ name: 'dev-stdio', version: '1' });
    let changes = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes += 1;
    });
    let stderr = '';
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: cliArgs('dev', server, '--no-typecheck'),
      cwd: ROOT,
      env: { ...process.env } as Record<string, string>,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    await client.connect(transport);
    cleanup.push(() => client.close());
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('one');
    await until(() => stderr.includes('reloading on change'));
    edit("export const word: string = 'two';\n");
    await until(() => changes >= 1);
    expect(textOf(await client.callTool({ name: 'word' }))).toBe('two');
  }, 120_000);

  it('--inspector starts the MCP Inspector (from npm) connected to the served URL, and stops it on shutdown', async () => {
    const { server } = project('inspector');
    // The Inspector's web port cannot be 0 (it derives its allowed origins from it): take a free one.
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const token = randomUUID();
    const dev = await startDev([server, '--inspector', '--port', '0'], {
      CLIENT_PORT: String(port),
      MCP_SANDBOX_PORT: '0',
      MCP_APP_ORIGIN_PORT: '0',
      MCP_AUTO_OPEN_ENABLED: 'false',
      MCP_INSPECTOR_API_TOKEN: token,
      MCP_INSPECTOR_SECRET_STORE: 'memory',
      MCP_STORAGE_DIR: join(server, '..', 'inspector-storage'),
    });
    const api = (path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-mcp-remote-auth': `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // npx may first download it: the test's timeout bounds the wait.
    const config = await until(async () => {
      const answer = await api('/api/config').catch(() => undefined);
      return answer?.ok ? ((await answer.json()) as Record<string, unknown>) : undefined;
    });
    expect(config).toMatchObject({ defaultTransport: 'streamable-http', defaultServerUrl: dev.url });
    expect(dev.stderr()).toContain(`inspector: starting @modelcontextprotocol/inspector@2 against ${dev.url}`);

    // The Inspector's backend reaches the served file: it connects and gets an answer to initialize.
    const connected = (await (
      await api('/api/mcp/connect', { config: { type: 'streamable-http', url: dev.url } })
    ).json()) as { sessionId?: string };
    expect(connected.sessionId).toBeTruthy();
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'inspector-test', version: '1' } },
    };
    expect(await (await api('/api/mcp/send', { sessionId: connected.sessionId, message: initialize })).json()).toEqual({
      ok: true,
    });

    // Shutting mcpkit dev down ends the Inspector (npx and all it started): its port stops answering.
    dev.child.kill('SIGTERM');
    await dev.exited;
    await until(
      async () =>
        (await api('/api/config').then(
          () => false,
          () => true,
        )) || undefined,
    );
  }, 240_000);

  it('refuses --inspector with --transport stdio', async () => {
    const { server } = project('usage');
    const child = spawn(process.execPath, cliArgs('dev', server, '--inspector', '--transport', 'stdio'), { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--inspector connects over Streamable HTTP');
  });
});
