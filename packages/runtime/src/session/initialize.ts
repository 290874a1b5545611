import { type ClientHello, negotiateVersion } from '@mcpkit/core';

export type { ClientHello } from '@mcpkit/core';

/** What a client that sent no `initialize` is taken to have said. */
export const assumedHello = (protocolVersion: string): ClientHello => ({
  protocolVersion: negotiateVersion(protocolVersion),
  clientInfo: undefined,
  capabilities: {},
});
