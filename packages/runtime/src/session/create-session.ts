import type { Server } from '@mcpkit/core';
import { assertHubFor } from './assert-hub.js';
import { createSessionHub, type SessionHub } from './hub.js';
import type { Session, SessionOptions } from './types.js';

/** {@link SessionOptions} plus the hub to register with. */
export interface CreateSessionOptions extends SessionOptions {
  /** Register the session with this hub (for `resourceUpdated`, lifespan, `closeAll`); a private hub otherwise. */
  readonly hub?: SessionHub;
}

/**
 * Creates one MCP session of `server`: it answers initialize (with version
 * negotiation), ping, logging/setLevel and resource subscriptions itself, and
 * hands every other request to `server.handle` with a real context.
 *
 * @example
 * const session = createSession(server, { id: 'abc' });
 * session.setChannel((message) => socket.send(JSON.stringify(message)));
 * const response = await session.receive(message, write);
 */
export const createSession = (server: Server, options: CreateSessionOptions = {}): Session => {
  const { hub, ...rest } = options;
  if (hub) assertHubFor(hub, server, 'createSession(): the hub');
  return (hub ?? createSessionHub(server)).createSession(rest);
};
