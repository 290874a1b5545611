import { callCommand } from './commands/call.js';
import { inspectCommand } from './commands/inspect.js';
import { runCommand } from './commands/run.js';
import { note, write } from './output.js';
import { COMMANDS, usageOf } from './usage.js';
import { CliError, UsageError } from './usage-error.js';

type Command = (args: readonly string[]) => Promise<number | 'help'>;

const COMMAND_TABLE: Readonly<Record<string, Command>> = {
  run: runCommand,
  inspect: inspectCommand,
  call: callCommand,
};

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the
 * exit code: 0 done, 1 failed (message on stderr), 2 usage error (message and
 * usage on stderr). Help goes to stdout with code 0.
 */
export const runCli = async (argv: readonly string[]): Promise<number> => {
  const [first, ...rest] = argv;
  try {
    if (first === '-h' || first === '--help' || first === 'help') {
      await write(process.stdout, usageOf(rest[0]));
      return 0;
    }
    if (first === undefined) throw new UsageError('No command given');
    const command = COMMAND_TABLE[first];
    if (!command) {
      const kind = first.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`Unknown ${kind} '${first}' (commands: ${COMMANDS.join(', ')})`);
    }
    const code = await command(rest);
    if (code === 'help') {
      await write(process.stdout, usageOf(first));
      return 0;
    }
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      await write(process.stderr, `mcpkit: ${error.message}\n\n${usageOf(error.command)}`);
      return 2;
    }
    if (error instanceof CliError) {
      await note(error.message);
      return 1;
    }
    await note(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
};
