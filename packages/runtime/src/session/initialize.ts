import type { ClientCapabilities, Implementation, Server } from '@mcpkit/core';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';

/** What the client told us at initialize. */
export interface ClientHello {
  readonly protocolVersion: string;
  readonly clientInfo: Implementation | undefined;
  readonly capabilities: ClientCapabilities;
}

/**
 * Picks the revision to speak: the client's when we support it, otherwise our
 * latest (the client then decides whether it can continue).
 */
export const negotiateVersion = (requested: unknown): string =>
  typeof requested === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(requested)
    ? requested
    : LATEST_PROTOCOL_VERSION;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads initialize params leniently: missing parts become empty, never an error. */
export const readHello = (params: unknown): ClientHello => {
  const p = isObject(params) ? params : {};
  return {
    protocolVersion: negotiateVersion(p.protocolVersion),
    clientInfo: isObject(p.clientInfo) ? (p.clientInfo as unknown as Implementation) : undefined,
    capabilities: isObject(p.capabilities) ? (p.capabilities as ClientCapabilities) : {},
  };
};

/** The `initialize` result for this server and negotiated revision. */
export const initializeResult = (server: Server, protocolVersion: string): Record<string, unknown> => ({
  protocolVersion,
  capabilities: server.capabilities,
  serverInfo: server.info,
  ...(server.instructions ? { instructions: server.instructions } : {}),
});
