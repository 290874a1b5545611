import { ErrorCode, isInputRequired, isProtocolError, type RequestResult } from '@mcpkit/core';

/** How a request ended, as the conventions record it: nothing for success, else `error.type` and maybe a JSON-RPC code. */
export interface Outcome {
  /** `error.type`: the JSON-RPC code as a string, or `tool_error` for a tool result with `isError`. */
  readonly errorType: string;
  /** `rpc.response.status_code`: the JSON-RPC error code, when the answer is an error. */
  readonly statusCode: string | undefined;
  readonly message: string | undefined;
}

/** A result's outcome: a failed tool call (`isError: true`) is `tool_error`; anything else succeeded. */
export const resultOutcome = (result: RequestResult): Outcome | undefined =>
  result.isError === true ? { errorType: 'tool_error', statusCode: undefined, message: undefined } : undefined;

/**
 * A thrown error's outcome: a `ProtocolError` is answered with its code, any
 * other error with -32603. A handler asking for input is not a failure.
 */
export const errorOutcome = (error: unknown): Outcome | undefined => {
  if (isInputRequired(error)) return undefined;
  const code = isProtocolError(error) ? error.code : ErrorCode.InternalError;
  const message = error instanceof Error ? error.message : undefined;
  return { errorType: String(code), statusCode: String(code), message };
};
