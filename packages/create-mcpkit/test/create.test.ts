import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageManagerOf, packageNameOf } from '../src/options.js';

const BIN = fileURLToPath(new URL('../bin/create-mcpkit.js', import.meta.url));
const BIOME = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'create-mcpkit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const create = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: work, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

const read = (path: string) => readFileSync(join(work, path), 'utf8');
const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('create-mcpkit', () => {
  it('writes a stdio project non-interactively: server, tests, README, scripts, tsconfig, biome', async () => {
    const { code, stdout } = await create(['My Server', '--yes', '--no-git'], {
      npm_config_user_agent: 'pnpm/10.0.0 node/v20',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Created my-server');
    expect(stdout).toContain('pnpm dev');
    const manifest = JSON.parse(read('My Server/package.json'));
    expect(manifest.name).toBe('my-server');
    expect(manifest.scripts).toMatchObject({
      dev: 'mcpkit dev src/server.ts',
      start: 'mcpkit run dist/server.js',
      build: 'tsc -p tsconfig.build.json',
      test: 'vitest run',
    });
    expect(manifest.dependencies['@mcpkit/runtime']).toMatch(/^\^\d+\.\d+\.\d+/);
    const server = read('My Server/src/server.ts');
    for (const part of ['tool({', "uri: 'config://settings'", "uri: 'notes://{id}'", 'prompt({'])
      expect(server).toContain(part);
    expect(read('My Server/test/server.test.ts')).toContain('await connect(server)');
    expect(read('My Server/README.md')).toContain('npx @mcpkit/runtime install claude-desktop src/server.ts');
    expect(existsSync(join(work, 'My Server/.git'))).toBe(false);
    // The generated code is already formatted and lint-clean under its own biome.json.
    execFileSync(BIOME, ['check', '.'], { cwd: join(work, 'My Server'), stdio: 'pipe' });
  });

  it('writes an HTTP project with --transport http, and git init with --git', async () => {
    const { code } = await create(['web', '--yes', '--transport', 'http', '--git']);
    expect(code).toBe(0);
    const manifest = JSON.parse(read('web/package.json'));
    expect(manifest.scripts.dev).toBe('mcpkit dev src/server.ts --port 3000');
    expect(manifest.scripts.start).toBe('mcpkit run dist/server.js --port 3000');
    expect(read('web/README.md')).toContain('http://127.0.0.1:3000/mcp');
    expect(existsSync(join(work, 'web/.git'))).toBe(hasGit);
  });

  it('refuses a non-empty directory without --force and a bad transport, with exit 2', async () => {
    mkdirSync(join(work, 'taken'));
    writeFileSync(join(work, 'taken/keep.txt'), 'mine');
    const taken = await create(['taken', '--yes']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('is not empty');
    expect(read('taken/keep.txt')).toBe('mine');
    const forced = await create(['taken', '--yes', '--force', '--no-git']);
    expect(forced.code).toBe(0);
    expect(read('taken/keep.txt')).toBe('mine');
    const transport = await create(['other', '--yes', '--transport', 'websocket']);
    expect(transport.code).toBe(2);
    expect(transport.stderr).toContain('--transport must be stdio or http');
  });
});

describe('options', () => {
  it('detects the package manager from the user agent and makes a package name from a directory', () => {
    expect(packageManagerOf('pnpm/10.1.0 npm/? node/v20')).toBe('pnpm');
    expect(packageManagerOf('bun/1.2.0')).toBe('bun');
    expect(packageManagerOf(undefined)).toBe('npm');
    expect(packageNameOf('My Cool Server!')).toBe('my-cool-server');
    expect(packageNameOf('...')).toBe('mcp-server');
  });
});
