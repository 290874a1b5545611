/**
 * A mistake in how the CLI was invoked (unknown command or flag, missing or
 * malformed argument). The CLI prints the message and the usage to stderr and
 * exits with code 2.
 */
export class UsageError extends Error {
  /** Which command's usage to print; the top-level usage when undefined. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/**
 * A failure while doing what was asked (the module does not load, the tool
 * failed): the CLI prints the message to stderr and exits with code 1.
 */
export class CliError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
  }
}
