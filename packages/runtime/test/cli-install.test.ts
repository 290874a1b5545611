import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli, scratch } from './cli-helpers.js';

// Each case runs the CLI several times (a process and a tsx start each): generous per-test time on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const files = scratch();
const home = mkdtempSync(join(tmpdir(), 'mcpkit-install-'));
afterAll(() => {
  files.remove();
  rmSync(home, { recursive: true, force: true });
});

const SERVER = `import { createServer, tool } from '@mcpkit/core';
export default createServer({ name: 'notes', version: '1.0.0' }, [
  tool({ name: 'secret', run: () => process.env.NOTES_TOKEN ?? 'unset' }),
]);
`;
const server = files.file('notes.ts', SERVER);
const env = { MCPKIT_INSTALL_HOME: home };
const desktopConfig = join(home, '.config', 'Claude', 'claude_desktop_config.json');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('mcpkit install', () => {
  it('writes a Claude Desktop entry that starts the server as written, keeping every other setting', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
    const other = { command: 'uvx', args: ['other-server'] };
    writeFileSync(desktopConfig, JSON.stringify({ globalShortcut: 'Ctrl+Space', mcpServers: { other } }));
    const secrets = files.file('secrets.env', 'NOTES_TOKEN=from-file\n');
    const { code, stdout, stderr } = await runCli(
      ['install', 'claude-desktop', server, '--env-file', secrets, '--env', 'MODE=prod'],
      env,
    );
    expect(stderr).toContain('added notes to Claude Desktop');
    expect(code).toBe(0);
    expect(stdout).toContain(`changes to ${desktopConfig}`);
    expect(stdout).toContain('+     "notes": {');
    const config = readJson(desktopConfig);
    expect(config.globalShortcut).toBe('Ctrl+Space');
    expect(config.mcpServers.other).toEqual(other);
    const entry = config.mcpServers.notes;
    // Absolute node, the project's own mcpkit bin, the absolute file.
    expect(entry.command).toBe(process.execPath);
    expect(entry.args).toEqual([expect.stringMatching(/\/bin\/mcpkit\.js$/), 'run', server]);
    expect(entry.env).toEqual({ NOTES_TOKEN: 'from-file', MODE: 'prod' });

    // The entry works as a client would start it.
    const client = new Client({ name: 'desktop', version: '1' });
    await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env: entry.env }));
    try {
      const result = await client.callTool({ name: 'secret' });
      expect(result.content).toEqual([{ type: 'text', text: 'from-file' }]);
    } finally {
      await client.close();
    }
  });

  it('never clobbers: an entry of the same name with other settings needs --force; the same one is a no-op', async () => {
    const before = readFileSync(desktopConfig, 'utf8');
    const clash = await runCli(['install', 'claude-desktop', server], env);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('already has a server named "notes" with other settings');
    expect(readFileSync(desktopConfig, 'utf8')).toBe(before);
    const forced = await runCli(['install', 'claude-desktop', server, '--force'], env);
    expect(forced.code).toBe(0);
    expect(readJson(desktopConfig).mcpServers.notes.env).toBeUndefined();
    expect(readJson(desktopConfig).mcpServers.other).toBeDefined();
  });

  it('--dry-run shows the diff and writes nothing; a URL becomes an HTTP entry for VS Code', async () => {
    const config = join(home, 'project', '.vscode', 'mcp.json');
    const args = [
      'install',
      'vscode',
      'https://api.example.com/mcp',
      '--config',
      config,
      '--header',
      'Authorization: Bearer t',
    ];
    const dry = await runCli([...args, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`new file ${config}`);
    expect(dry.stdout).toContain('+       "url": "https://api.example.com/mcp"');
    expect(dry.stderr).toContain('dry run: nothing written');
    expect(existsSync(config)).toBe(false);
    const real = await runCli(args, env);
    expect(real.code).toBe(0);
    expect(readJson(config)).toEqual({
      servers: {
        'api.example.com': {
          type: 'http',
          url: 'https://api.example.com/mcp',
          headers: { Authorization: 'Bearer t' },
        },
      },
    });
  });

  it('copies the entries of an mcp.json into Cursor with absolute paths, under the home it is given', async () => {
    const source = files.file(
      'team.json',
      JSON.stringify({
        mcpServers: {
          files: { command: 'node', args: ['files.js'], cwd: 'servers' },
          remote: { url: 'https://mcp.example.com/sse', type: 'sse' },
        },
      }),
    );
    const { code } = await runCli(['install', 'cursor', source], env);
    expect(code).toBe(0);
    const written = readJson(join(home, '.cursor', 'mcp.json'));
    expect(written.mcpServers.files).toEqual({
      command: 'node',
      args: ['files.js'],
      cwd: join(source, '..', 'servers'),
    });
    expect(written.mcpServers.remote).toEqual({ url: 'https://mcp.example.com/sse' });
  });

  it('refuses a config that is not plain JSON, an unknown client and a bad scope', async () => {
    const jsonc = files.file('settings.json', '{\n  // my servers\n  "mcpServers": {}\n}\n');
    const refused = await runCli(['install', 'mcp-json', server, '--config', jsonc], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not plain JSON');
    expect(readFileSync(jsonc, 'utf8')).toContain('// my servers');
    const unknown = await runCli(['install', 'claude', server], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown client 'claude' \(did you mean 'claude-\w+'\?\)/);
    const scope = await runCli(['install', 'claude-desktop', server, '--scope', 'project'], env);
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('--scope for claude-desktop must be user');
  });
});
