/**
 * JSON-RPC error codes used by MCP. The first five are JSON-RPC 2.0's own;
 * the rest are MCP's.
 */
export const ErrorCode = Object.freeze({
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** The request did not finish in time. */
  RequestTimeout: -32001,
  /** Too many requests: `data.retryAfterMs` says when to try again (server-defined code). */
  RateLimited: -32000,
  /** `resources/read` of a URI no resource or template answers. */
  ResourceNotFound: -32002,
  /** The tool needs the user to complete a URL-mode elicitation first (2025-11-25). */
  UrlElicitationRequired: -32042,
  /** 2026-07-28: an HTTP header is missing, malformed, or disagrees with the body. */
  HeaderMismatch: -32020,
  /** 2026-07-28: serving the request needs a client capability the request did not declare (`data.requiredCapabilities`). */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the request names a revision this server does not serve (`data.supported`, `data.requested`). */
  UnsupportedProtocolVersion: -32022,
} as const);

/** One of the numeric codes in {@link ErrorCode}. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];
