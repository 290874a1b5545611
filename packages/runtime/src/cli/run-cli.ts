import { callCommand } from './commands/call.js';
import { devCommand } from './commands/dev.js';
import { inspectCommand } from './commands/inspect.js';
import { installCommand } from './commands/install.js';
import { runCommand } from './commands/run.js';
import { note, write } from './output.js';
import { closestOf } from './suggest.js';
import { COMMANDS, usageOf } from './usage.js';
import { CliError, UsageError } from './usage-error.js';
import { cliVersion } from './version.js';

type Command = (args: readonly string[]) => Promise<number | 'help'>;

const COMMAND_TABLE: Readonly<Record<string, Command>> = {
  run: runCommand,
  dev: devCommand,
  inspect: inspectCommand,
  call: callCommand,
  install: installCommand,
};

/** An unknown first word: a mistyped command or an option that only a command takes. */
const unknownMessage = (first: string): string => {
  if (first.startsWith('-')) {
    const guess = closestOf(first, ['--help', '--version']);
    return (
      `Unknown option '${first}'${guess ? ` (did you mean '${guess}'?)` : ''}: ` +
      `options such as --port go after the command, as in mcpkit run server.ts --port 3000`
    );
  }
  const guess = closestOf(first, COMMANDS);
  return `Unknown command '${first}'${guess ? ` (did you mean '${guess}'?)` : ''}; the commands are ${COMMANDS.join(', ')}`;
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
    if (first === '-v' || first === '--version' || first === 'version') {
      await write(process.stdout, `mcpkit ${cliVersion()} (node ${process.version})`);
      return 0;
    }
    if (first === undefined) throw new UsageError('No command given');
    const command = COMMAND_TABLE[first];
    if (!command) throw new UsageError(unknownMessage(first));
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
