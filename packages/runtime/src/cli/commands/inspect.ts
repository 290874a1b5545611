import type { Server } from '@mcpkit/core';
import { loadServer } from '../load-server.js';
import { printJson } from '../output.js';
import { parseCommand } from '../parse.js';

/** What `mcpkit inspect` prints: everything a client would discover after initialize. */
export const describeServer = async (server: Server) => ({
  server: server.info,
  ...(server.instructions !== undefined && { instructions: server.instructions }),
  capabilities: server.capabilities,
  tools: await server.listTools(),
  resources: await server.listResources(),
  resourceTemplates: await server.listResourceTemplates(),
  prompts: await server.listPrompts(),
});

/** `mcpkit inspect <file>`: prints the server's description as JSON. */
export const inspectCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand(
    'inspect',
    args,
    { 'base-url': { type: 'string' } },
    { min: 1, max: 1, names: 'a <file>' },
  );
  if (parsed.help) return 'help';
  const server = await loadServer(parsed.positionals[0] as string, undefined, parsed.values['base-url'] as string);
  await printJson(await describeServer(server));
  return 0;
};
