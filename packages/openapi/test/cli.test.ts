/**
 * The `mcpkit` CLI on an OpenAPI document: `inspect` lists what it becomes,
 * `run --base-url` serves it (here over Streamable HTTP, to a real client).
 * The CLI runs from source through tsx, from the repository root.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, expect, test } from 'vitest';
import { startTodoApi } from '../../../examples/openapi/todo-api.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../runtime/src/cli/main.ts', import.meta.url));
const DOCUMENT = 'examples/openapi/openapi.json';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: ROOT, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

test('mcpkit inspect shows the tools an OpenAPI document becomes', async () => {
  const { code, stdout } = await cli('inspect', DOCUMENT, '--base-url', 'http://127.0.0.1:9');
  expect(code).toBe(0);
  const described = JSON.parse(stdout);
  expect(described.server).toEqual({ name: 'Todo API', version: '1.0.0' });
  expect(described.tools.map((t: { name: string }) => t.name)).toEqual([
    'listTodos',
    'addTodo',
    'getTodo',
    'deleteTodo',
  ]);
});

test('mcpkit config files are still config files, and a Swagger 2.0 document gets a clear error', async () => {
  // A config whose server is named "openapi" is still a config: fromConfig() reads it (and rejects the empty entry).
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-openapi-cli-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { openapi: {} } }));
  const config = await cli('inspect', join(dir, 'mcp.json'));
  expect(config.code).toBe(1);
  expect(config.stderr).toMatch(/mcpServers\.openapi/);
  expect(config.stderr).not.toMatch(/OpenAPI/);
  const swagger = await cli('inspect', 'packages/openapi/node_modules/@readme/oas-examples/2.0/json/petstore.json');
  expect(swagger.code).toBe(1);
  expect(swagger.stderr).toMatch(/is Swagger 2\.0: convert it to OpenAPI 3/);
});

test('mcpkit run <openapi.json> --base-url serves the API to a real client', async () => {
  const api = await startTodoApi();
  closers.push(() => new Promise((resolve) => api.server.close(resolve)));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'run', DOCUMENT, '--base-url', api.url, '--transport', 'http', '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  closers.push(
    () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  );
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      const found = stderr.match(/at (http:\/\/\S+)/);
      if (found) resolve(found[1] as string);
    });
    child.once('exit', () => reject(new Error(`mcpkit run exited: ${stderr}`)));
  });
  const client = new Client({ name: 'cli-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  closers.push(() => client.close());
  const added = await client.callTool({ name: 'addTodo', arguments: { title: 'from the CLI' } });
  expect(added.structuredContent).toEqual({ id: 2, title: 'from the CLI', done: false });
});
