import { isMcpkitError } from '@mcpkit/core';
import { cliContext } from '../cli-context.js';
import { loadServer } from '../load-server.js';
import { note, printJson } from '../output.js';
import { parseCommand } from '../parse.js';
import { CliError } from '../usage-error.js';

const parseToolArgs = (json: string | undefined): Record<string, unknown> => {
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

/**
 * `mcpkit call <file> <tool> [--args json]`: calls one tool in-process and
 * prints the result JSON; exit 1 on a tool error, an unknown tool or bad args.
 */
export const callCommand = async (args: readonly string[]): Promise<number | 'help'> => {
  const parsed = parseCommand('call', args, { args: { type: 'string' } }, { min: 2, max: 2, names: '<file> <tool>' });
  if (parsed.help) return 'help';
  const [file, name] = parsed.positionals as [string, string];
  const toolArgs = parseToolArgs(parsed.values.args as string | undefined);
  const server = await loadServer(file);
  let result: Awaited<ReturnType<typeof server.callTool>>;
  try {
    result = await server.callTool(name, toolArgs, cliContext());
  } catch (error) {
    // An unknown tool is a ProtocolError (-32602); say so plainly.
    const message = error instanceof Error ? error.message : String(error);
    const code = isMcpkitError(error) ? ` (${error.code})` : '';
    throw new CliError(`Calling '${name}' failed${code}: ${message}`);
  }
  await printJson(result);
  if (result.isError) {
    await note(`tool '${name}' returned an error: ${errorText(result.content)}`);
    return 1;
  }
  return 0;
};
