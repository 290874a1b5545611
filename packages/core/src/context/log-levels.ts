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
