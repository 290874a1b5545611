import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closestOf } from './suggest.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommand} found: positionals, flag values, and whether help was asked. */
export interface ParsedCommand {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly help: boolean;
}

const flagNames = (options: Options): string[] => [...Object.keys(options).map((name) => `--${name}`), '--help'];

/**
 * node:util's message, made plainer for an unknown option: which command,
 * the likely intended flag, and the flags there are.
 */
const parseErrorMessage = (command: string, error: unknown, options: Options): string => {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown === undefined) return message;
  const known = flagNames(options);
  const guess = closestOf(unknown.split('=')[0] as string, known);
  return (
    `Unknown option '${unknown}' for mcpkit ${command}` +
    (guess ? ` (did you mean '${guess}'?)` : '') +
    `; its options are ${known.join(', ')}`
  );
};

/**
 * Parses one command's arguments strictly: an unknown flag, a missing flag
 * value or a wrong number of positionals is a {@link UsageError} for `command`.
 */
export const parseCommand = (
  command: string,
  args: readonly string[],
  options: Options,
  positionals: { readonly min: number; readonly max: number; readonly names: string },
): ParsedCommand => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(parseErrorMessage(command, error, options), command);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const help = values.help === true;
  if (!help && parsed.positionals.length < positionals.min) {
    throw new UsageError(`mcpkit ${command} needs ${positionals.names}`, command);
  }
  if (parsed.positionals.length > positionals.max) {
    const extra = parsed.positionals.slice(positionals.max).join(' ');
    throw new UsageError(`Unexpected argument(s) for mcpkit ${command}: ${extra}`, command);
  }
  return { positionals: parsed.positionals, values, help };
};
