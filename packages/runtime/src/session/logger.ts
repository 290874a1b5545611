import { LOG_LEVELS, type Logger, type LoggingLevel } from '@mcpkit/core';
import { notification } from './messages.js';
import type { Send } from './types.js';

/** The level a session logs at until the client sends `logging/setLevel`. */
export const DEFAULT_LOG_LEVEL: LoggingLevel = 'info';

/** Whether `value` names an MCP log level. */
export const isLogLevel = (value: unknown): value is LoggingLevel =>
  typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);

/**
 * A logger that sends `notifications/message` for entries at or above the
 * session's current level (`levelOf.level`, read on every call, so setLevel
 * applies at once).
 */
export const createLogger = (levelOf: { readonly level: LoggingLevel }, send: () => Send | undefined): Logger => {
  const log = (level: LoggingLevel, data: unknown, logger?: string) => {
    if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(levelOf.level)) return;
    const out = send();
    if (!out) return;
    try {
      out(notification('notifications/message', logger === undefined ? { level, data } : { level, logger, data }));
    } catch {
      // Logging must never break the handler that logs.
    }
  };
  return {
    debug: (data, logger) => log('debug', data, logger),
    info: (data, logger) => log('info', data, logger),
    notice: (data, logger) => log('notice', data, logger),
    warning: (data, logger) => log('warning', data, logger),
    error: (data, logger) => log('error', data, logger),
    critical: (data, logger) => log('critical', data, logger),
    alert: (data, logger) => log('alert', data, logger),
    emergency: (data, logger) => log('emergency', data, logger),
    log,
  };
};
