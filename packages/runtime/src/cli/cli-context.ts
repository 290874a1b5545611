import { type ContextInput, LOG_LEVELS, type Logger, type LoggingLevel, type LogMethod } from '@mcpkit/core';

const show = (data: unknown): string => (typeof data === 'string' ? data : JSON.stringify(data));

/**
 * The context of an in-process call from the CLI: the handler's logs and
 * progress go to stderr (stdout holds only the result); there is no client
 * to sample from or elicit, so those fail as with a client that lacks them.
 */
export const cliContext = (
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): ContextInput => {
  const log = (level: LoggingLevel, data: unknown, logger?: string) =>
    write(`[${level}]${logger ? ` ${logger}:` : ''} ${show(data)}`);
  const methods = Object.fromEntries(
    LOG_LEVELS.map((level) => [level, ((data, logger) => log(level, data, logger)) as LogMethod]),
  );
  return {
    log: { ...methods, log } as Logger,
    progress: async (progress, total, message) =>
      write(`[progress] ${progress}${total !== undefined ? `/${total}` : ''}${message ? ` ${message}` : ''}`),
  };
};
