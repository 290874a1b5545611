import type { ContextInput, Server } from '@mcpkit/core';
import { loadServer } from '../load-server.js';
import { note, printJson } from '../output.js';
import { parseCommand } from '../parse.js';

/** A config entry `mcpkit inspect` could not reach, and why. */
export interface UnreachableEntry {
  readonly name: string;
  readonly error: string;
}

/** What `mcpkit inspect` prints: everything a client would discover after initialize. */
export const describeServer = async (server: Server, ctx?: ContextInput) => ({
  server: server.info,
  ...(server.instructions !== undefined && { instructions: server.instructions }),
  capabilities: server.capabilities,
  tools: await server.listTools(ctx),
  resources: await server.listResources(ctx),
  resourceTemplates: await server.listResourceTemplates(ctx),
  prompts: await server.listPrompts(ctx),
});

const UNAVAILABLE = /^Remote MCP server "(.*)" is unavailable: ([\s\S]*)$/;

/**
 * A context that collects the warnings a config's proxies log when their
 * remote cannot be reached (each lists nothing rather than failing the rest).
 */
const collectUnreachable = (): { ctx: ContextInput; unreachable: Map<string, string> } => {
  const unreachable = new Map<string, string>();
  const warning = (data: unknown) => {
    const match = UNAVAILABLE.exec(String(data));
    if (match && !unreachable.has(match[1] as string)) unreachable.set(match[1] as string, match[2] as string);
  };
  const ignore = () => {};
  const log = { debug: ignore, info: ignore, notice: ignore, warning, error: warning, critical: ignore };
  return {
    ctx: {
      log: {
        ...log,
        alert: ignore,
        emergency: ignore,
        log: (level, data) => (level === 'warning' ? warning(data) : undefined),
      },
    },
    unreachable,
  };
};

/**
 * `mcpkit inspect <file>`: prints the server's description as JSON. For an
 * MCP config file, entries that cannot be reached are listed under
 * `unreachable` (with the reason, also on stderr) and the exit code is 1.
 */
export const inspectCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand(
    'inspect',
    args,
    { 'env-file': { type: 'string', multiple: true }, 'base-url': { type: 'string' } },
    {
      min: 1,
      max: 1,
      names: 'a <file>',
    },
  );
  if (parsed.help) return 'help';
  const file = parsed.positionals[0] as string;
  const { loadEnvFiles } = await import('../env-files.js');
  loadEnvFiles((parsed.values['env-file'] as string[] | undefined) ?? []);
  const server = await loadServer(file, undefined, parsed.values['base-url'] as string | undefined);
  if (!file.endsWith('.json')) {
    await printJson(await describeServer(server));
    return 0;
  }
  const { ctx, unreachable } = collectUnreachable();
  try {
    const described = await describeServer(server, ctx);
    const entries: UnreachableEntry[] = [...unreachable].map(([name, error]) => ({ name, error }));
    await printJson(entries.length > 0 ? { ...described, unreachable: entries } : described);
    for (const entry of entries) await note(`${entry.name}: unreachable: ${entry.error}`);
    return entries.length > 0 ? 1 : 0;
  } finally {
    const { closeProxies } = await import('../../proxy/close-proxies.js');
    await closeProxies(server);
  }
};
