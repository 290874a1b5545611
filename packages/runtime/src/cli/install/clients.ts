import { join } from 'node:path';
import type { ServerSpec } from './server-spec.js';

/** Where a config lives: the user's own, or the project's (the working directory). */
export type Scope = 'user' | 'project';

/** Facts the config paths depend on; tests pass a temporary home. */
export interface Place {
  readonly home: string;
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  /** `%APPDATA%` on Windows. */
  readonly appData?: string;
}

/** One MCP client `mcpkit install` knows: where its config is and how an entry looks. */
export interface ClientKind {
  readonly id: string;
  readonly label: string;
  /** The object of the config file that holds the servers by name. */
  readonly key: 'mcpServers' | 'servers';
  readonly scopes: readonly Scope[];
  readonly path: (scope: Scope, place: Place) => string;
  readonly entry: (spec: ServerSpec) => Record<string, unknown>;
  /** Printed after writing: what the user does next. */
  readonly next: string;
}

const appDataOf = (place: Place) => place.appData ?? join(place.home, 'AppData', 'Roaming');

/** The per-user application data directory: `~/Library/Application Support`, `%APPDATA%` or `~/.config`. */
const userData = (place: Place, ...parts: string[]) => {
  if (place.platform === 'darwin') return join(place.home, 'Library', 'Application Support', ...parts);
  if (place.platform === 'win32') return join(appDataOf(place), ...parts);
  return join(place.home, '.config', ...parts);
};

const withoutEmpty = (value: Readonly<Record<string, string>>) => (Object.keys(value).length > 0 ? value : undefined);

/** `{ command, args, env }`, the stdio entry every client reads; `typed` adds `type: "stdio"`. */
const stdioEntry = (spec: Extract<ServerSpec, { kind: 'stdio' }>, typed: boolean) => ({
  ...(typed && { type: 'stdio' }),
  command: spec.command,
  args: [...spec.args],
  ...(withoutEmpty(spec.env) && { env: { ...spec.env } }),
  ...(spec.cwd !== undefined && { cwd: spec.cwd }),
});

const urlEntry = (spec: Extract<ServerSpec, { kind: 'url' }>, typed: boolean) => ({
  ...(typed && { type: spec.transport }),
  url: spec.url,
  ...(withoutEmpty(spec.headers) && { headers: { ...spec.headers } }),
});

/** The entry for clients that take `type` on every entry (Claude Code, VS Code, a plain mcp.json). */
const typedEntry = (spec: ServerSpec) => (spec.kind === 'stdio' ? stdioEntry(spec, true) : urlEntry(spec, true));

/** The clients, by the id given on the command line. */
export const CLIENTS: Readonly<Record<string, ClientKind>> = {
  'claude-desktop': {
    id: 'claude-desktop',
    label: 'Claude Desktop',
    key: 'mcpServers',
    scopes: ['user'],
    path: (_scope, place) => userData(place, 'Claude', 'claude_desktop_config.json'),
    // Claude Desktop's config starts local commands only: a URL goes through the mcp-remote bridge.
    entry: (spec) =>
      spec.kind === 'stdio'
        ? stdioEntry(spec, false)
        : {
            command: 'npx',
            args: [
              '-y',
              'mcp-remote',
              spec.url,
              ...Object.entries(spec.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
            ],
          },
    next: 'Restart Claude Desktop (quit it fully) to load the server.',
  },
  'claude-code': {
    id: 'claude-code',
    label: 'Claude Code',
    key: 'mcpServers',
    scopes: ['user', 'project'],
    path: (scope, place) => (scope === 'user' ? join(place.home, '.claude.json') : join(place.cwd, '.mcp.json')),
    entry: typedEntry,
    next: 'Start a new Claude Code session; `/mcp` lists the server.',
  },
  cursor: {
    id: 'cursor',
    label: 'Cursor',
    key: 'mcpServers',
    scopes: ['user', 'project'],
    path: (scope, place) => join(scope === 'user' ? place.home : place.cwd, '.cursor', 'mcp.json'),
    entry: (spec) => (spec.kind === 'stdio' ? stdioEntry(spec, false) : urlEntry(spec, false)),
    next: 'Cursor picks the server up in Settings > MCP (toggle it on if needed).',
  },
  vscode: {
    id: 'vscode',
    label: 'VS Code',
    key: 'servers',
    scopes: ['user', 'project'],
    path: (scope, place) =>
      scope === 'user' ? userData(place, 'Code', 'User', 'mcp.json') : join(place.cwd, '.vscode', 'mcp.json'),
    entry: typedEntry,
    next: 'In VS Code, run "MCP: List Servers" and start the server.',
  },
  'mcp-json': {
    id: 'mcp-json',
    label: 'mcp.json',
    key: 'mcpServers',
    scopes: ['project'],
    path: (_scope, place) => join(place.cwd, 'mcp.json'),
    entry: typedEntry,
    next: 'Serve it all with `mcpkit run mcp.json`, or point any client at the file.',
  },
};

/** The client ids, for messages. */
export const CLIENT_IDS = Object.keys(CLIENTS);
