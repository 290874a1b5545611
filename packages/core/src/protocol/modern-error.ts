import { ErrorCode } from '../errors/codes.js';
import { isPlainObject as isObject } from '../utils/is-plain-object.js';

/** HeaderMismatch (2026-07-28). */
export const HEADER_MISMATCH = -32020;
/** MissingRequiredClientCapability (2026-07-28): `data.requiredCapabilities` is a ClientCapabilities object. */
export const MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
/** UnsupportedProtocolVersion (2026-07-28): `data` is `{ supported, requested }`. */
export const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/** A JSON-RPC error object. */
export interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * The methods 2026-07-28 removed: a modern request for one of them is
 * answered like any unknown method (-32601, HTTP 404).
 */
export const REMOVED_MODERN_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'notifications/initialized',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'notifications/roots/list_changed',
  'notifications/elicitation/complete',
]);

/**
 * Rewrites an error for the 2026-07-28 wire, which must never carry the
 * retired codes: resource not found (-32002) becomes -32602 with `data.uri`
 * (taken from the error's data or the request's `params.uri`), and URL
 * elicitation required (-32042, replaced by `input_required` results) becomes
 * an internal error keeping its data. Other errors pass unchanged.
 */
export const toModernError = (error: RpcError, params?: unknown): RpcError => {
  if (error.code === ErrorCode.ResourceNotFound) {
    const fromData = isObject(error.data) && typeof error.data.uri === 'string' ? error.data.uri : undefined;
    const fromParams = isObject(params) && typeof params.uri === 'string' ? params.uri : undefined;
    const uri = fromData ?? fromParams;
    return {
      code: ErrorCode.InvalidParams,
      message: error.message,
      data: { ...(isObject(error.data) ? error.data : {}), ...(uri === undefined ? {} : { uri }) },
    };
  }
  if (error.code === ErrorCode.UrlElicitationRequired) {
    return {
      code: ErrorCode.InternalError,
      message: `${error.message} (URL elicitation must be requested with an input_required result on 2026-07-28)`,
      ...(error.data === undefined ? {} : { data: error.data }),
    };
  }
  return error;
};

/**
 * The HTTP status of a modern JSON-RPC error response. Errors raised before
 * dispatch (`gate`: parse, shape, envelope, headers, version, unknown method)
 * map to 400, or 404 for -32601; errors from handlers stay in-band (200),
 * except MissingRequiredClientCapability, which the spec sends as 400 wherever
 * it comes from.
 */
export const modernHttpStatus = (code: number, origin: 'gate' | 'handler'): number => {
  if (code === MISSING_REQUIRED_CLIENT_CAPABILITY) return 400;
  if (origin === 'handler') return 200;
  return code === ErrorCode.MethodNotFound ? 404 : 400;
};
