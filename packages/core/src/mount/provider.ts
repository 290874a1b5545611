import type { ListKind } from '../context/component-ref.js';
import type { ContextInput } from '../context/context.js';
import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '../protocol/types.js';

export type { ListKind };

/** What `completion/complete` names: a prompt or a resource template. */
export type CompletionRef =
  | { readonly type: 'ref/prompt'; readonly name: string }
  | { readonly type: 'ref/resource'; readonly uri: string };

/**
 * Anything that answers MCP server operations at request time: a `Server`
 * made by `createServer()`, or a proxy of a remote server. Errors are thrown
 * as `ProtocolError`s, as a server's typed methods do.
 */
export interface Provider {
  /** All tools the context's session sees. */
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
  /** Completes a prompt argument or template variable. */
  readonly complete: (
    ref: CompletionRef,
    argument: { readonly name: string; readonly value: string },
    context?: { readonly arguments?: Record<string, string> },
    ctx?: ContextInput,
  ) => Promise<CompleteResult['completion']>;
  /** Tells `listener` when one of the provider's lists changes; returns a function that stops telling. */
  readonly onListChanged?: (listener: (kind: ListKind) => void) => () => void;
}
