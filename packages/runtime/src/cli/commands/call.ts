import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Connection } from '../../client/connect.js';
import { loadEnvFiles } from '../env-files.js';
import { parseKeyValues } from '../key-values.js';
import { loadServer } from '../load-server.js';
import { note, printJson } from '../output.js';
import { parseCommand } from '../parse.js';
import { CliError, UsageError } from '../usage-error.js';

const FLAGS = {
  args: { type: 'string' },
  prompt: { type: 'boolean' },
  'env-file': { type: 'string', multiple: true },
} as const;

/** A URI names a resource (tool and prompt names cannot hold a scheme). */
const isUri = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

const parseJsonArgs = (json: string | undefined): Record<string, unknown> => {
  if (json === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CliError(`--args is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`--args must be a JSON object, as in --args '{"name":"value"}'`);
  }
  return value as Record<string, unknown>;
};

const errorText = (content: readonly { type: string; text?: string }[]): string =>
  content
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('\n') || '(no message)';

const show = (data: unknown): string => (typeof data === 'string' ? data : JSON.stringify(data));

/** Logs (every level) and progress from the server go to stderr; stdout holds only the result. */
const reportToStderr = async (client: Client): Promise<void> => {
  const { LoggingMessageNotificationSchema } = await import('@modelcontextprotocol/sdk/types.js');
  client.setNotificationHandler(LoggingMessageNotificationSchema, ({ params }) => {
    process.stderr.write(`[${params.level}]${params.logger ? ` ${params.logger}:` : ''} ${show(params.data)}\n`);
  });
  if (client.getServerCapabilities()?.logging) await client.setLoggingLevel('debug');
};

const onprogress = (progress: { progress: number; total?: number; message?: string }) =>
  process.stderr.write(
    `[progress] ${progress.progress}${progress.total !== undefined ? `/${progress.total}` : ''}${progress.message ? ` ${progress.message}` : ''}\n`,
  );

const callTool = async (client: Client, name: string, pairs: readonly string[], json: Record<string, unknown>) => {
  const { tools } = await client.listTools();
  const properties = tools.find((tool) => tool.name === name)?.inputSchema.properties as
    | Record<string, { type?: unknown }>
    | undefined;
  const args = { ...json, ...parseKeyValues(pairs, 'call', properties ?? {}) };
  const result = await client.callTool({ name, arguments: args }, undefined, { onprogress });
  await printJson(result);
  if (!result.isError) return 0;
  await note(`tool '${name}' returned an error: ${errorText(result.content as { type: string; text?: string }[])}`);
  return 1;
};

const failure = (what: string, error: unknown): CliError => {
  // The SDK's McpError says "MCP error -32602: ..."; keep the code visible, once.
  const message = error instanceof Error ? error.message.replace(/^MCP error (-?\d+): /, '') : String(error);
  const code = (error as { code?: unknown })?.code;
  return new CliError(`${what} failed${typeof code === 'number' ? ` (${code})` : ''}: ${message}`);
};

/**
 * `mcpkit call <file> <tool|uri> [key=value ...] [--args json] [--prompt]`:
 * connects an in-memory MCP client to the module's server (lifespan started,
 * middleware and validation as over any transport), then calls the tool,
 * reads the resource (a target with a scheme, `data://config`) or gets the
 * prompt (`--prompt`), and prints the result JSON. Exit 1 on a tool error
 * result or a failed request.
 */
export const callCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand('call', args, FLAGS, {
    min: 2,
    max: Number.POSITIVE_INFINITY,
    names: '<file> <tool|uri>',
  });
  if (parsed.help) return 'help';
  const [file, target, ...pairs] = parsed.positionals as [string, string, ...string[]];
  const json = parseJsonArgs(parsed.values.args as string | undefined);
  const asPrompt = parsed.values.prompt === true;
  const asResource = !asPrompt && isUri(target);
  if (asResource && (pairs.length > 0 || parsed.values.args !== undefined)) {
    throw new UsageError(`A resource takes no arguments: put them in the URI (${target})`, 'call');
  }
  loadEnvFiles((parsed.values['env-file'] as string[] | undefined) ?? []);
  const server = await loadServer(file);
  const { connect } = await import('../../client/connect.js');
  let connection: Connection;
  try {
    connection = await connect(server, { clientInfo: { name: 'mcpkit-call', version: '1.0.0' } });
  } catch (error) {
    throw failure('Starting the server', error);
  }
  try {
    const { client } = connection;
    await reportToStderr(client);
    if (asResource) {
      const result = await client.readResource({ uri: target }).catch((error) => {
        throw failure(`Reading '${target}'`, error);
      });
      await printJson(result);
      return 0;
    }
    if (asPrompt) {
      const promptArgs = { ...json, ...parseKeyValues(pairs, 'call') };
      const result = await client
        .getPrompt({ name: target, arguments: promptArgs as Record<string, string> })
        .catch((error) => {
          throw failure(`Getting prompt '${target}'`, error);
        });
      await printJson(result);
      return 0;
    }
    return await callTool(client, target, pairs, json).catch((error) => {
      if (error instanceof CliError || error instanceof UsageError) throw error;
      throw failure(`Calling '${target}'`, error);
    });
  } finally {
    await connection.close();
  }
};
