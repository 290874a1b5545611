import type { ContextInput } from '../context/context.js';
import type { Handler, RequestResult } from '../middleware/middleware.js';
import type { ListKind } from '../mount/mount.js';
import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  Implementation,
  JsonRpcRequest,
  JsonRpcResponse,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
  Tool,
} from '../protocol/types.js';
import type { CompletionRef } from './complete.js';
import type { Component } from './component.js';
import type { ServerOptions } from './options.js';

/** The server's identity (`serverInfo`) plus the instructions sent at initialize. */
export type ServerInfo = Implementation & { readonly instructions?: string };

/**
 * A server: the folded registry of components that answers MCP requests with
 * no transport. Deeply frozen; the runtime binds it to sessions.
 */
export interface Server {
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
  /** All tools this context's session sees. */
  readonly listTools: (ctx?: ContextInput) => Promise<readonly Tool[]>;
  /** Calls a tool as `tools/call` does; an unknown tool throws a ProtocolError (-32602). */
  readonly callTool: (name: string, args?: Record<string, unknown>, ctx?: ContextInput) => Promise<CallToolResult>;
  readonly listResources: (ctx?: ContextInput) => Promise<readonly Resource[]>;
  readonly listResourceTemplates: (ctx?: ContextInput) => Promise<readonly ResourceTemplate[]>;
  /** Reads a resource; an unknown URI throws a ProtocolError (-32002). */
  readonly readResource: (uri: string, ctx?: ContextInput) => Promise<ReadResourceResult>;
  readonly listPrompts: (ctx?: ContextInput) => Promise<readonly Prompt[]>;
  /** Renders a prompt; arguments are strings as on the wire. */
  readonly getPrompt: (name: string, args?: Record<string, string>, ctx?: ContextInput) => Promise<GetPromptResult>;
  /**
   * Runs the server's middleware around a request the runtime answers itself
   * (initialize, resources/subscribe, logging/setLevel), ending in `handler`.
   */
  readonly intercept: (
    method: string,
    params: Readonly<Record<string, unknown>>,
    ctx: ContextInput | undefined,
    handler: Handler,
  ) => Promise<RequestResult>;
  /**
   * Tells `listener` when a list changes at run time (a mounted server or
   * proxy changed); the runtime relays it to clients as `list_changed`.
   * Returns a function that stops telling.
   */
  readonly onListChanged: (listener: (kind: ListKind) => void) => () => void;
  /** Completes a prompt argument or template variable. */
  readonly complete: (
    ref: CompletionRef,
    argument: { readonly name: string; readonly value: string },
    context?: { readonly arguments?: Record<string, string> },
    ctx?: ContextInput,
  ) => Promise<CompleteResult['completion']>;
}
