import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommand} found: positionals, flag values, and whether help was asked. */
export interface ParsedCommand {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly help: boolean;
}

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
    // node:util's messages are clear ("Unknown option '--x'"); keep them.
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
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
