import { describe, expect, it } from 'vitest';
import { CLIENTS } from './clients.js';

const linux = { home: '/home/ada', cwd: '/work/app', platform: 'linux' as const };
const mac = { home: '/Users/ada', cwd: '/work/app', platform: 'darwin' as const };
const windows = {
  home: 'C:\\Users\\ada',
  cwd: 'C:\\app',
  platform: 'win32' as const,
  appData: 'C:\\Users\\ada\\AppData\\Roaming',
};

const path = (client: string, scope: 'user' | 'project', place: typeof linux | typeof mac) =>
  CLIENTS[client]?.path(scope, place);

describe('client config locations', () => {
  it('follows each client on Linux and macOS, for both scopes', () => {
    expect(path('claude-desktop', 'user', mac)).toBe(
      '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
    );
    expect(path('claude-desktop', 'user', linux)).toBe('/home/ada/.config/Claude/claude_desktop_config.json');
    expect(path('claude-code', 'user', linux)).toBe('/home/ada/.claude.json');
    expect(path('claude-code', 'project', linux)).toBe('/work/app/.mcp.json');
    expect(path('cursor', 'user', linux)).toBe('/home/ada/.cursor/mcp.json');
    expect(path('cursor', 'project', linux)).toBe('/work/app/.cursor/mcp.json');
    expect(path('vscode', 'user', mac)).toBe('/Users/ada/Library/Application Support/Code/User/mcp.json');
    expect(path('vscode', 'project', linux)).toBe('/work/app/.vscode/mcp.json');
    expect(path('mcp-json', 'project', linux)).toBe('/work/app/mcp.json');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(CLIENTS['claude-desktop']?.path('user', windows)).toContain('Roaming');
    expect(CLIENTS['claude-desktop']?.path('user', windows)).toContain('claude_desktop_config.json');
  });

  it('writes each client its own entry shape', () => {
    const stdio = { kind: 'stdio' as const, command: '/usr/bin/node', args: ['a'], env: {} };
    const url = { kind: 'url' as const, url: 'https://x/mcp', transport: 'http' as const, headers: {} };
    expect(CLIENTS['claude-code']?.entry(stdio)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: ['a'] });
    expect(CLIENTS.vscode?.entry(url)).toEqual({ type: 'http', url: 'https://x/mcp' });
    expect(CLIENTS.cursor?.entry(url)).toEqual({ url: 'https://x/mcp' });
    expect(CLIENTS['claude-desktop']?.entry(url)).toEqual({
      command: 'npx',
      args: ['-y', 'mcp-remote', 'https://x/mcp'],
    });
  });
});
