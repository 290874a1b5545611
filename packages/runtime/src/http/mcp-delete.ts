import type { AuthInfo } from '@mcpkit/core';
import { type Endpoint, findSession } from './endpoint.js';
import { type HttpReply, type HttpRequest, isReply } from './exchange.js';
import { statelessNotAllowed } from './mcp-get.js';
import { emptyResponse } from './responses.js';

/** DELETE on the MCP endpoint: ends the session and frees everything it held; its id then gets 404. */
export const handleDelete = (endpoint: Endpoint, request: HttpRequest, auth?: AuthInfo): HttpReply => {
  if (endpoint.stateless) return statelessNotAllowed();
  const entry = findSession(endpoint, request, auth);
  if (isReply(entry)) return entry;
  entry.session.close();
  return emptyResponse(204);
};
