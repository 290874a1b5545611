import type { ListKind } from '../context/component-ref.js';
import type { ContextInput, RequestWiring } from '../context/context.js';
import type { Provider } from '../mount/provider.js';
import type { Implementation, JsonRpcRequest, JsonRpcResponse, ServerCapabilities } from '../protocol/types.js';
import type { Era, McpRequest } from '../request/request.js';
import type { Component } from './component.js';
import type { ServerOptions } from './options.js';

/** The server's identity (`serverInfo`) plus the instructions sent at initialize. */
export type ServerInfo = Implementation & { readonly instructions?: string };

/**
 * A server: the folded registry of components that answers MCP requests with
 * no transport. Deeply frozen; the runtime binds it to sessions. Its typed
 * methods (`listTools`, `callTool`, `readResource`, ...) are those of a
 * {@link Provider}, so a server can be mounted in another.
 */
export interface Server extends Provider {
  readonly kind: 'server';
  /** `serverInfo` for initialize. */
  readonly info: Implementation;
  readonly instructions: string | undefined;
  /** Capabilities derived from what is registered. */
  readonly capabilities: ServerCapabilities;
  /** The components the server kept after filters and duplicate handling. */
  readonly components: readonly Component[];
  readonly options: ServerOptions;
  /** Answers one JSON-RPC request; never throws. Notifications are not requests: pass them to the runtime. */
  readonly handle: (request: JsonRpcRequest, ctx?: ContextInput) => Promise<JsonRpcResponse>;
  /**
   * Answers one request a runtime has read (see {@link McpRequest}) with its
   * live wiring; never throws. Every method, the session's own included, runs
   * through the one method table and the server's middleware once.
   */
  readonly dispatch: (request: McpRequest, wiring?: RequestWiring) => Promise<JsonRpcResponse>;
  /** Whether the server answers `method` on `era` (`legacy` by default): transports answer 404 before dispatching otherwise. */
  readonly hasMethod: (method: string, era?: Era) => boolean;
  /**
   * Tells `listener` when a list changes at run time (a mounted server or
   * proxy changed); the runtime relays it to clients as `list_changed`.
   * Returns a function that stops telling.
   */
  readonly onListChanged: (listener: (kind: ListKind) => void) => () => void;
}
