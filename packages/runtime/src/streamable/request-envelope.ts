import { isRecord as isObject, LOG_LEVELS, META } from '@mcpkit/core';
import type { ClientCapabilities, Implementation, LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/** The per-request facts a modern request carries in `params._meta`. */
export interface RequestEnvelope {
  readonly protocolVersion: string;
  readonly clientCapabilities: ClientCapabilities;
  readonly clientInfo: Implementation | undefined;
  readonly logLevel: LoggingLevel | undefined;
}

/** A valid envelope, or the first key that is missing or malformed. */
export type EnvelopeResult =
  | { readonly ok: true; readonly envelope: RequestEnvelope }
  | { readonly ok: false; readonly key: string; readonly problem: 'missing' | 'malformed'; readonly detail: string };

const missing = (key: string): EnvelopeResult => ({ ok: false, key, problem: 'missing', detail: 'is required' });
const malformed = (key: string, detail: string): EnvelopeResult => ({ ok: false, key, problem: 'malformed', detail });

/**
 * Reads the modern per-request envelope from a request's `_meta`: the
 * protocol version (a non-empty string) and client capabilities (an object)
 * are required; client info (`name` and `version` strings) and log level (one
 * of the eight syslog levels) are checked when present. Other keys are left
 * alone.
 */
export const readEnvelope = (meta: Readonly<Record<string, unknown>>): EnvelopeResult => {
  const version = meta[META.protocolVersion];
  if (version === undefined) return missing(META.protocolVersion);
  if (typeof version !== 'string' || version === '') {
    return malformed(META.protocolVersion, 'must be a protocol version string');
  }
  const capabilities = meta[META.clientCapabilities];
  if (capabilities === undefined) return missing(META.clientCapabilities);
  if (!isObject(capabilities)) return malformed(META.clientCapabilities, 'must be an object');
  const info = meta[META.clientInfo];
  if (info !== undefined && !(isObject(info) && typeof info.name === 'string' && typeof info.version === 'string')) {
    return malformed(META.clientInfo, 'must be an object with string name and version');
  }
  const level = meta[META.logLevel];
  if (level !== undefined && !(LOG_LEVELS as readonly unknown[]).includes(level)) {
    return malformed(META.logLevel, `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    ok: true,
    envelope: {
      protocolVersion: version,
      clientCapabilities: capabilities as ClientCapabilities,
      clientInfo: info as Implementation | undefined,
      logLevel: level as LoggingLevel | undefined,
    },
  };
};
