import { ErrorCode } from './codes.js';

/**
 * Base of every error mcpkit throws. `code` says which kind it is, so callers
 * branch on a value instead of on `instanceof` chains across package copies.
 */
export class McpkitError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string | number;

  constructor(code: string | number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'McpkitError';
    this.code = code;
  }
}

/**
 * Thrown by a tool handler to report a failure to the model: the call returns
 * a result with `isError: true` whose text is exactly `message`, never masked.
 */
export class ToolError extends McpkitError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TOOL_ERROR', message, options);
    this.name = 'ToolError';
  }
}

/**
 * A JSON-RPC error: thrown anywhere in request handling, it becomes an error
 * response with this numeric `code`, `message` and optional `data`.
 */
export class ProtocolError extends McpkitError {
  declare readonly code: number;
  /** Extra detail sent as the error's `data` member. */
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ProtocolError';
    this.data = data;
  }
}

/**
 * A component or server that cannot be built as declared (bad name, duplicate,
 * template/params mismatch). Thrown at construction, never while serving.
 */
export class DefinitionError extends McpkitError {
  constructor(message: string) {
    super('DEFINITION_ERROR', message);
    this.name = 'DefinitionError';
  }
}

/** `-32602 Invalid params` with a message naming what was wrong. */
export const invalidParams = (message: string, data?: unknown): ProtocolError =>
  new ProtocolError(ErrorCode.InvalidParams, message, data);

/**
 * True for a {@link ProtocolError}, even one from another copy of the package
 * (a server and the runtime serving it may load different copies of core).
 */
export const isProtocolError = (error: unknown): error is ProtocolError =>
  error instanceof ProtocolError ||
  (error instanceof Error && error.name === 'ProtocolError' && typeof (error as { code?: unknown }).code === 'number');

/** True for any mcpkit error, even one from another copy of the package. */
export const isMcpkitError = (error: unknown): error is McpkitError =>
  error instanceof McpkitError ||
  (error instanceof Error && 'code' in error && /^(Mcpkit|Tool|Protocol|Definition)Error$/.test(error.name));
