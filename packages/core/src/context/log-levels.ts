import type { LoggingLevel } from '../protocol/types.js';

/** The MCP log levels, least severe first (RFC 5424 order). */
export const LOG_LEVELS: readonly LoggingLevel[] = Object.freeze([
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]);

/** Whether `value` names an MCP log level. */
export const isLogLevel = (value: unknown): value is LoggingLevel =>
  typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
