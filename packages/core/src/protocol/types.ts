/**
 * Protocol types, as the official SDK declares them, expanded into plain
 * structures by scripts/protocol-types.mjs: core depends on the SDK neither at
 * run time nor in its published declarations (and so not on zod either).
 */
export type {
  Annotations,
  BlobResourceContents,
  CallToolRequestParams,
  CallToolResult,
  ClientCapabilities,
  CompleteRequestParams,
  CompleteResult,
  ContentBlock,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  GetPromptRequestParams,
  GetPromptResult,
  Icon,
  Implementation,
  InitializeRequestParams,
  InitializeResult,
  JSONRPCMessage,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  LoggingLevel,
  PaginatedRequestParams,
  Prompt,
  PromptMessage,
  ReadResourceRequestParams,
  ReadResourceResult,
  Resource,
  ResourceContents,
  ResourceTemplate,
  Root,
  ServerCapabilities,
  TextResourceContents,
  Tool,
  ToolAnnotations,
} from './sdk-types.js';

/** A JSON-RPC request id. */
export type RequestId = string | number;

/** A JSON-RPC 2.0 request as it arrives on the wire. */
export interface JsonRpcRequest {
  readonly jsonrpc: '2.0';
  readonly id: RequestId;
  readonly method: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A JSON-RPC 2.0 notification (a request with no id). */
export interface JsonRpcNotification {
  readonly jsonrpc: '2.0';
  readonly method: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A successful JSON-RPC 2.0 response. */
export interface JsonRpcSuccess {
  readonly jsonrpc: '2.0';
  readonly id: RequestId;
  readonly result: Record<string, unknown>;
}

/** A JSON-RPC 2.0 error response. */
export interface JsonRpcFailure {
  readonly jsonrpc: '2.0';
  readonly id: RequestId | null;
  readonly error: { readonly code: number; readonly message: string; readonly data?: unknown };
}

/** Either kind of JSON-RPC 2.0 response. */
export type JsonRpcResponse = JsonRpcSuccess | JsonRpcFailure;
