import type { AuthInfo, HttpRequestInfo, JsonRpcResponse, ModernFacts, Server } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * THE CONTRACT between the session layer and every transport. Transports are
 * thin: they parse bytes into messages, hand them to `Session.receive`, and
 * write what comes back (and what is sent through the channels) to the wire.
 */

/** Writes one message to the client. */
export type Send = (message: JSONRPCMessage) => void;

/** Per-message facts the transport established, beyond the message itself. */
/**
 * How a transport holds a `subscriptions/listen` request's stream (2026-07-28),
 * given with the request to `Session.receive`.
 */
export interface ListenStream {
  /**
   * What the client is told when the server ends the subscription: `answer`
   * sends the listen request's result and the stream closes (HTTP: the
   * response stream ends with it); `cancel` sends `notifications/cancelled`
   * naming the request instead (stdio: the channel stays open). Default `cancel`.
   */
  readonly serverEnd?: 'answer' | 'cancel';
  /** Called once the subscription is open with a function that ends it as the server (a transport shutting down). */
  readonly opened?: (end: () => void) => void;
}

export interface ReceiveExtra {
  /** Who sent this message (a verified token); becomes `ctx.auth` of the request it carries. */
  readonly auth?: AuthInfo;
  /** The HTTP request that carried the message (HTTP and SSE transports); becomes `ctx.http`. */
  readonly http?: HttpRequestInfo;
  /** A modern request's envelope, when the transport already read it (so it is read once). */
  readonly facts?: ModernFacts;
  /** How the transport holds the stream of a modern `subscriptions/listen` request (default: stdio's way). */
  readonly listen?: ListenStream;
  /**
   * The message was relayed from another instance sharing the session (a
   * client response to a request this instance sent): never relay it again.
   */
  readonly relayed?: boolean;
}

export interface SessionOptions {
  /** The transport-level session id (Streamable HTTP, legacy SSE); undefined for stdio and stateless HTTP. */
  readonly id?: string;
  /**
   * Stateless HTTP: no standing channel to the client, so sampling, elicitation,
   * roots and subscriptions fail at once with a clear error instead of hanging.
   */
  readonly stateless?: boolean;
  /** Called once when the session ends (DELETE, eviction, transport closed). */
  readonly onClose?: () => void;
  /**
   * Starts the session already initialized with this revision, as if the
   * client had sent `initialize` with no capabilities (stateless HTTP, which
   * keeps no session between requests). No `initialize` runs, so initialize
   * middleware does not see this made-up one. An unsupported revision falls
   * back to the latest, as negotiation would.
   */
  readonly assumeInitialized?: { readonly protocolVersion: string };
}

/** One MCP session: protocol state for one connected client. */
export interface Session {
  readonly id: string | undefined;
  /** True once `initialize` has been answered. */
  readonly initialized: boolean;
  /** The negotiated protocol revision, once initialized. */
  readonly protocolVersion: string | undefined;
  /**
   * Handles one incoming message.
   * - a request resolves to its JSON-RPC response; messages the server sends
   *   while serving it (progress, logs, sampling/elicitation/roots requests) go
   *   through `related`, or the standing channel when `related` is absent;
   * - a notification or a response to one of our own requests resolves to undefined.
   * `extra.auth` is the sender's identity for this message only (per request,
   * so a refreshed token with other scopes applies at once).
   */
  readonly receive: (
    message: JSONRPCMessage,
    related?: Send,
    extra?: ReceiveExtra,
  ) => Promise<JsonRpcResponse | undefined>;
  /** Sets (or clears) the standing channel for messages tied to no request (list_changed, resources/updated). */
  readonly setChannel: (send: Send | undefined) => void;
  /** Ends the session: aborts in-flight handlers, rejects pending client requests, drops subscriptions. Idempotent. */
  readonly close: () => void;
}

/** Creates sessions for one server; see session/create-session.ts. */
export type CreateSession = (server: Server, options?: SessionOptions) => Session;
