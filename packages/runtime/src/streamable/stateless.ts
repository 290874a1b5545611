import type { AuthInfo, HttpRequestInfo } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { HttpReply, HttpRequest } from '../http/exchange.js';
import { answerPost } from './answer-post.js';
import { ASSUMED_PROTOCOL_VERSION, checkProtocolVersion, type EndpointState, isInitialize } from './endpoint.js';
import { createStreams, type Streams } from './streams.js';

/**
 * Stateless mode: every POST gets a fresh session, closed once answered, so
 * no state survives between requests and any instance behind a load balancer
 * can serve any request. The session starts initialized on the client's
 * behalf (revision from `MCP-Protocol-Version`, else 2025-03-26 as the spec
 * says, no client capabilities), because no initialize it sent earlier was kept.
 */
export const serveStateless = async (
  endpoint: EndpointState,
  request: HttpRequest,
  message: JSONRPCMessage,
  auth?: AuthInfo,
  http?: HttpRequestInfo,
): Promise<HttpReply> => {
  const versionError = checkProtocolVersion(request);
  if (versionError) return versionError;
  // Anything but initialize runs in a session taken as initialized at the client's revision: no made-up
  // initialize goes through the server (or its middleware) first.
  const session = endpoint.hub.createSession(
    isInitialize(message)
      ? { stateless: true }
      : {
          stateless: true,
          assumeInitialized: { protocolVersion: request.header('mcp-protocol-version') ?? ASSUMED_PROTOCOL_VERSION },
        },
  );
  let streams: Streams | undefined;
  return answerPost(
    endpoint,
    {
      session,
      streams: () => {
        streams ??= createStreams('stateless.', undefined);
        return streams;
      },
      nextStreamId: () => 'stateless.0',
      done: session.close,
      auth,
      http,
    },
    message,
  );
};
