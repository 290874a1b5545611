import { type AuthInfo, ErrorCode, isStoreUnavailable, type Server } from '@mcpkit/core';
import { type JSONRPCMessage, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { foreignSession, identityOf } from '../auth/identity.js';
import type { HttpReply, HttpRequest } from '../http/exchange.js';
import { rpcErrorResponse, tooManySessions } from '../http/responses.js';
import type { SessionHub } from '../session/hub.js';
import type { EventStore } from './event-store.js';
import type { ServerHeaderParams } from './server-header-params.js';
import type { SessionEntry, SessionTable } from './session-table.js';
import type { SharedSessions } from './shared-sessions.js';
import { storeUnavailable } from './store-unavailable.js';

/** The state of one MCP endpoint (options resolved, session table, streams' store, listens): what its method handlers share. */
export interface EndpointState {
  readonly server: Server;
  readonly hub: SessionHub;
  readonly table: SessionTable;
  readonly store: EventStore | undefined;
  readonly json: boolean;
  readonly stateless: boolean;
  readonly maxBodyBytes: number;
  readonly maxJsonValues: number;
  readonly keepAliveMs: number;
  /** The served tools' `x-mcp-header` arguments, for the gate's `Mcp-Param-*` checks. */
  readonly headerParams: ServerHeaderParams;
  /** Ends each listen stream this endpoint serves, gracefully (on close). */
  readonly listens: Set<() => void>;
  /** Hidden headers `ctx.http` shows anyway (lower case). */
  readonly contextHeaders: ReadonlySet<string>;
  /** Longest life of one GET stream connection. */
  readonly maxStreamMs: number;
  /** Sessions shared with other instances through a store (`sessionStore`); undefined for one instance. */
  readonly shared: SharedSessions | undefined;
}

/** The revision the spec says to assume when a client sends no `MCP-Protocol-Version`. */
export const ASSUMED_PROTOCOL_VERSION = '2025-03-26';

/** The revision from which servers prime SSE streams with an id-only event. */
const PRIMING_SINCE = '2025-11-25';

/** Whether to send the priming event: needs a store, and clients older than 2025-11-25 may choke on empty data. */
export const shouldPrime = (endpoint: EndpointState, protocolVersion: string | undefined): boolean =>
  endpoint.store !== undefined && protocolVersion !== undefined && protocolVersion >= PRIMING_SINCE;

/**
 * Checks `MCP-Protocol-Version`: an unsupported revision is a 400, as the spec
 * requires. A supported one that differs from the negotiated revision is
 * accepted (the conformance suite sends one), and absent means the negotiated one.
 */
export const checkProtocolVersion = (request: HttpRequest): HttpReply | undefined => {
  const version = request.header('mcp-protocol-version');
  if (version === null) return undefined;
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return rpcErrorResponse(
      400,
      ErrorCode.InvalidRequest,
      `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
    );
  }
  return undefined;
};

const notFound = () => rpcErrorResponse(404, ErrorCode.InvalidRequest, 'Session not found: it ended or never existed');

/**
 * Finds the session a request names: 400 without `Mcp-Session-Id`, 404 for an
 * unknown or ended one, 403 when `auth` is not the identity that opened it.
 */
export const findSession = (
  endpoint: EndpointState,
  request: HttpRequest,
  auth?: AuthInfo,
): SessionEntry | HttpReply => {
  const id = request.header('mcp-session-id');
  if (!id) {
    return rpcErrorResponse(400, ErrorCode.InvalidRequest, 'Bad Request: the Mcp-Session-Id header is required');
  }
  const entry = endpoint.table.get(id);
  if (!entry) return notFound();
  if (entry.owner !== identityOf(auth)) return foreignSession();
  return checkProtocolVersion(request) ?? entry;
};

/**
 * {@link findSession} for sessions shared through a store: a session another
 * instance opened is loaded from the store and served here, and a local copy
 * is refreshed first. 503 with `Retry-After` when the store is unreachable.
 */
export const findSharedSession = async (
  endpoint: EndpointState,
  shared: SharedSessions,
  request: HttpRequest,
  auth?: AuthInfo,
): Promise<SessionEntry | HttpReply> => {
  const id = request.header('mcp-session-id');
  if (!id) return findSession(endpoint, request, auth);
  let entry: SessionEntry | undefined;
  try {
    entry = await shared.find(id);
  } catch (error) {
    if (isStoreUnavailable(error)) return storeUnavailable();
    // The hub's hello budget is spent: no room to serve one more session here now.
    return tooManySessions();
  }
  if (!entry) return notFound();
  return findSession(endpoint, request, auth);
};

/** Whether a message is an `initialize` request. */
export const isInitialize = (message: JSONRPCMessage): boolean =>
  'method' in message && message.method === 'initialize' && 'id' in message;
