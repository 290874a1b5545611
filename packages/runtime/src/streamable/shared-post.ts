import { type AuthInfo, ErrorCode, type HttpRequestInfo, isStoreUnavailable } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { identityOf } from '../auth/identity.js';
import type { HttpReply } from '../http/exchange.js';
import { rpcErrorResponse, tooManySessions } from '../http/responses.js';
import type { Session } from '../session/types.js';
import { respondOnce } from './answer-post.js';
import type { EndpointState } from './endpoint.js';
import type { SessionEntry } from './session-table.js';
import type { SharedSessions } from './shared-sessions.js';
import { openStatefulSession } from './stateful-session.js';
import { storeUnavailable } from './store-unavailable.js';

/**
 * initialize with a shared session store: takes a slot of the cluster-wide
 * cap, runs initialize, and writes the record before answering, so the
 * client's next request may land on any instance. 503 when the cap is
 * reached or the store is unreachable.
 */
export const initializeShared = async (
  endpoint: EndpointState,
  shared: SharedSessions,
  message: JSONRPCMessage,
  auth: AuthInfo | undefined,
  http?: HttpRequestInfo,
): Promise<HttpReply> => {
  try {
    if (!(await shared.admit())) return tooManySessions();
  } catch {
    return storeUnavailable();
  }
  const entry = openStatefulSession(endpoint, identityOf(auth));
  const response = await entry.session.receive(message, undefined, { auth, http });
  try {
    if (response && !('error' in response)) {
      await shared.opened(entry);
      return respondOnce(endpoint, response, { 'Mcp-Session-Id': entry.id });
    }
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    entry.session.close();
    await shared.release().catch(() => {});
    return storeUnavailable();
  }
  entry.session.close();
  await shared.release().catch(() => {});
  return response
    ? respondOnce(endpoint, response)
    : rpcErrorResponse(500, ErrorCode.InternalError, 'initialize failed');
};

/**
 * The session of `entry` as a POST serves it with a shared store: after each
 * message it saves the record when the message changed it (state, level,
 * subscriptions, rules), before the answer goes out, so the client's next
 * request sees the change on any instance.
 */
export const savingSession = (shared: SharedSessions, entry: SessionEntry): Session => {
  const { session } = entry;
  return {
    id: session.id,
    get initialized() {
      return session.initialized;
    },
    get protocolVersion() {
      return session.protocolVersion;
    },
    receive: async (message, related, extra) => {
      const response = await session.receive(message, related, extra);
      try {
        await shared.settle(entry);
      } catch (error) {
        // The answer stands (its handler ran); what it changed in the record is not shared.
        console.error('mcpkit: saving the session record to the shared store failed:', error);
      }
      return response;
    },
    setChannel: session.setChannel,
    close: session.close,
  };
};
