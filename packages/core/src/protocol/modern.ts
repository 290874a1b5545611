import { isLogLevel } from '../context/log-levels.js';
import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import { isRecord } from './jsonrpc.js';
import type { ClientCapabilities, Implementation, LoggingLevel } from './types.js';
import { LEGACY_PROTOCOL_VERSIONS } from './versions.js';

/**
 * The stateless revisions (2026-07-28 on), newest first: each request names
 * its revision in `_meta`, and `initialize` never negotiates one of these.
 */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = Object.freeze(['2026-07-28']);

/** Every revision this server serves, modern first: what `server/discover` and -32022 errors list. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = Object.freeze([
  ...MODERN_PROTOCOL_VERSIONS,
  ...LEGACY_PROTOCOL_VERSIONS,
]);

/** The `_meta` keys the modern revisions reserve. */
export const META = Object.freeze({
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  logLevel: 'io.modelcontextprotocol/logLevel',
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const);

/** What a modern request says about itself in its `_meta` envelope. */
export interface ModernFacts {
  readonly protocolVersion: string;
  readonly clientInfo: Implementation | undefined;
  readonly clientCapabilities: ClientCapabilities;
  /** Absent: the client asked for no log messages on this request. */
  readonly logLevel: LoggingLevel | undefined;
}

/**
 * Whether a request claims the modern era: its `params._meta` names a
 * protocol version. The claim decides the era before anything else is read.
 */
export const claimsModern = (params: unknown): boolean =>
  isRecord(params) && isRecord(params._meta) && params._meta[META.protocolVersion] !== undefined;

const malformed = (key: string, expected: string) =>
  new ProtocolError(ErrorCode.InvalidParams, `Invalid _meta envelope: "${key}" must be ${expected}`, { key });

/** The -32022 answer to a request naming a revision this server does not serve. */
export const unsupportedVersion = (requested: unknown): ProtocolError =>
  new ProtocolError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', {
    supported: [...SUPPORTED_PROTOCOL_VERSIONS],
    requested,
  });

/**
 * Reads the `_meta` envelope of a modern request into its facts, or the
 * error to answer: -32602 naming the malformed key, -32022 for a revision
 * this server does not serve as a modern one.
 */
export const readModernFacts = (params: unknown): ModernFacts | ProtocolError => {
  const meta = isRecord(params) && isRecord(params._meta) ? params._meta : {};
  const version = meta[META.protocolVersion];
  if (typeof version !== 'string' || version === '') return malformed(META.protocolVersion, 'a non-empty string');
  if (!MODERN_PROTOCOL_VERSIONS.includes(version)) return unsupportedVersion(version);
  const capabilities = meta[META.clientCapabilities];
  if (!isRecord(capabilities)) return malformed(META.clientCapabilities, 'an object');
  const info = meta[META.clientInfo];
  if (info !== undefined && !(isRecord(info) && typeof info.name === 'string' && typeof info.version === 'string'))
    return malformed(META.clientInfo, 'an object with a name and a version');
  const level = meta[META.logLevel];
  if (level !== undefined && !isLogLevel(level)) return malformed(META.logLevel, 'an MCP log level');
  return {
    protocolVersion: version,
    clientInfo: info as Implementation | undefined,
    clientCapabilities: capabilities as ClientCapabilities,
    logLevel: level,
  };
};
