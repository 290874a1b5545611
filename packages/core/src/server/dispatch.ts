import type { Context, ContextInput } from '../context/context.js';
import { completeContext } from '../context/defaults.js';
import { ErrorCode } from '../errors/codes.js';
import { McpkitError, ProtocolError } from '../errors/errors.js';
import type { Handler } from '../middleware/middleware.js';
import type {
  JsonRpcFailure,
  JsonRpcRequest,
  JsonRpcResponse,
  ReadResourceResult,
  RequestId,
} from '../protocol/types.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import { clipInput } from '../utils/quote-input.js';

/** A JSON-RPC error response. */
export const failure = (id: RequestId | null, code: number, message: string, data?: unknown): JsonRpcFailure => ({
  jsonrpc: '2.0',
  id,
  error: data === undefined ? { code, message } : { code, message, data },
});

/** Maps any thrown value to a JSON-RPC error response. */
export const errorResponse = (id: RequestId | null, error: unknown, mask: boolean | undefined): JsonRpcFailure => {
  if (error instanceof ProtocolError) return failure(id, error.code, error.message, error.data);
  const message =
    error instanceof McpkitError || !mask ? ((error as Error)?.message ?? String(error)) : 'Internal error';
  return failure(id, ErrorCode.InternalError, message);
};

const validId = (id: unknown): id is RequestId =>
  typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

/**
 * Builds `handle(request, ctx)`: validates the envelope, finds the method,
 * completes the context and turns the outcome into a JSON-RPC response. It
 * never throws.
 */
export const createDispatcher = (
  methods: ReadonlyMap<string, Handler>,
  readOwnResource: (uri: string, ctx: Context) => Promise<ReadResourceResult>,
  mask: boolean | undefined,
) => {
  return async (request: JsonRpcRequest, input?: ContextInput): Promise<JsonRpcResponse> => {
    const raw = request as unknown;
    if (!isPlainObject(raw) || raw.jsonrpc !== '2.0' || typeof raw.method !== 'string' || !validId(raw.id)) {
      const id = isPlainObject(raw) && validId(raw.id) ? raw.id : null;
      return failure(
        id,
        ErrorCode.InvalidRequest,
        'Invalid request: expected a JSON-RPC 2.0 request with an id and a method',
      );
    }
    const { id, method, params } = raw;
    const handler = methods.get(method);
    if (!handler) return failure(id, ErrorCode.MethodNotFound, `Method not found: ${clipInput(method)}`);
    if (params !== undefined && !isPlainObject(params))
      return failure(id, ErrorCode.InvalidParams, 'params must be an object');
    const meta = isPlainObject(params?._meta) ? params._meta : undefined;
    // The request's own id and _meta win over whatever the caller's context carried.
    const ctx = completeContext(input, readOwnResource, { requestId: id, meta });
    try {
      return { jsonrpc: '2.0', id, result: await handler(params ?? {}, ctx) };
    } catch (error) {
      return errorResponse(id, error, mask);
    }
  };
};
