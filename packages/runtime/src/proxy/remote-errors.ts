import { type CallToolResult, type ContextInput, ErrorCode, ProtocolError } from '@mcpkit/core';

/** Errors that mean the remote could not be reached or stopped answering (not an answer it gave). */
const failures = new WeakSet<ProtocolError>();

const SDK_PREFIX = /^MCP error -?\d+: /;
/** The SDK's own code for a request that ran out of time (it adds `data.timeout`). */
const REQUEST_TIMEOUT = -32001;

/** The SDK gave up waiting (a local timeout), as opposed to the remote answering -32001 itself. */
const isLocalTimeout = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === REQUEST_TIMEOUT &&
  typeof (error as { data?: { timeout?: unknown } }).data?.timeout === 'number';

const reasonOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message.replace(SDK_PREFIX, '')}${cause}`;
};

/** The error for a remote that could not be reached at all. */
export const unavailable = (name: string, error: unknown): ProtocolError => {
  const failure = new ProtocolError(
    ErrorCode.InternalError,
    `Remote MCP server "${name}" is unavailable: ${reasonOf(error)}`,
    { remote: name },
    { cause: error },
  );
  failures.add(failure);
  return failure;
};

/**
 * Whether the SDK error is an answer from the remote (kept), rather than a
 * failure to get one. The SDK rejects pending requests with "Connection
 * closed" only after the connection reports closing, so the flag tells them apart.
 */
const isRemoteAnswer = (error: unknown, connectionClosed: boolean): error is Error & { code: number; data?: unknown } =>
  error instanceof Error &&
  error.name === 'McpError' &&
  typeof (error as { code?: unknown }).code === 'number' &&
  !connectionClosed &&
  !isLocalTimeout(error);

/**
 * Turns what a remote request threw into what the proxy throws: the remote's
 * own JSON-RPC errors keep their code; a dead connection, a transport error or
 * a timeout becomes a failure naming the remote. A cancelled request rethrows
 * the cancellation as is.
 */
export const toProxyError = (
  name: string,
  error: unknown,
  ctx: ContextInput | undefined,
  connectionClosed: boolean,
): unknown => {
  if (ctx?.signal?.aborted) return ctx.signal.reason ?? error;
  if (isRemoteAnswer(error, connectionClosed)) {
    return new ProtocolError(error.code, error.message.replace(SDK_PREFIX, ''), error.data, { cause: error });
  }
  const failure = new ProtocolError(
    ErrorCode.InternalError,
    `Remote MCP server "${name}" failed: ${reasonOf(error)}`,
    { remote: name },
    { cause: error },
  );
  failures.add(failure);
  return failure;
};

/** True for a failure made by {@link unavailable} or {@link toProxyError}. */
export const isRemoteFailure = (error: unknown): error is ProtocolError =>
  error instanceof ProtocolError && failures.has(error);

/** True when a failure means the connection is useless (everything but a timeout). */
export const breaksConnection = (error: unknown): boolean => !isLocalTimeout(error);

/** A failed remote call as a tool error result, which the model can read. */
export const failedCall = (error: ProtocolError): CallToolResult => ({
  content: [{ type: 'text', text: error.message }],
  isError: true,
});
