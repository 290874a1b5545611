import { McpkitError, type Server } from '@mcpkit/core';
import type { SessionHub } from './hub.js';

/** Refuses a hub made for another server (`what` names it in the message, e.g. "The hub given to serve"). */
export const assertHubFor = (hub: SessionHub, server: Server, what: string): void => {
  if (hub.server !== server) throw new McpkitError('HUB_MISMATCH', `${what} was created for a different server`);
};
