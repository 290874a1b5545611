import type { AuthInfo } from '@mcpkit/core';
import { type HttpReply, type HttpRequest, isReply } from '../http/exchange.js';
import { emptyResponse } from '../http/responses.js';
import { type EndpointState, findSession, findSharedSession } from './endpoint.js';
import { statelessNotAllowed } from './mcp-get.js';
import { storeUnavailable } from './store-unavailable.js';

/**
 * DELETE on the MCP endpoint: ends the session and frees everything it held;
 * its id then gets 404 (on every instance, with a shared session store).
 */
export const handleDelete = async (
  endpoint: EndpointState,
  request: HttpRequest,
  auth?: AuthInfo,
): Promise<HttpReply> => {
  if (endpoint.stateless) return statelessNotAllowed();
  if (!endpoint.shared) {
    const entry = findSession(endpoint, request, auth);
    if (isReply(entry)) return entry;
    entry.session.close();
    return emptyResponse(204);
  }
  const entry = await findSharedSession(endpoint, endpoint.shared, request, auth);
  if (isReply(entry)) return entry;
  // Ended in the store first: every other instance then drops its copy, and the id gets 404 everywhere.
  try {
    await endpoint.shared.end(entry);
  } catch {
    return storeUnavailable();
  }
  entry.session.close();
  return emptyResponse(204);
};
