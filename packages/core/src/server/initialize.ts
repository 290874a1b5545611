import { isRecord as isObject } from '../protocol/jsonrpc.js';
import type { ClientCapabilities, Implementation } from '../protocol/types.js';
import { negotiateVersion } from '../protocol/versions.js';
import type { ClientHello } from '../request/request.js';
import type { ServerInfo } from './server.js';

/** Reads initialize params leniently: missing parts become empty, never an error. */
export const readHello = (params: unknown): ClientHello => {
  const p = isObject(params) ? params : {};
  return {
    protocolVersion: negotiateVersion(p.protocolVersion),
    clientInfo: isObject(p.clientInfo) ? (p.clientInfo as unknown as Implementation) : undefined,
    capabilities: isObject(p.capabilities) ? (p.capabilities as ClientCapabilities) : {},
  };
};

/** The `initialize` result for a server and a negotiated revision. */
export const initializeResult = (
  server: {
    readonly info: Implementation;
    readonly instructions: ServerInfo['instructions'];
    readonly capabilities: unknown;
  },
  protocolVersion: string,
): Record<string, unknown> => ({
  protocolVersion,
  capabilities: server.capabilities,
  serverInfo: server.info,
  ...(server.instructions ? { instructions: server.instructions } : {}),
});
