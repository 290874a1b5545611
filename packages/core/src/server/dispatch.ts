import type { Context, ContextInput, RequestWiring } from '../context/context.js';
import { completeContext } from '../context/defaults.js';
import { ErrorCode } from '../errors/codes.js';
import { McpkitError, ProtocolError } from '../errors/errors.js';
import type { InputAnswers } from '../input/answers.js';
import { fulfilInput } from '../input/fulfil.js';
import { isInputRequired } from '../input/input-required.js';
import { replayFeatures } from '../input/replay.js';
import type { Handler, RequestResult } from '../middleware/middleware.js';
import { errorResponse, failure, isRecord, readMessage, success } from '../protocol/jsonrpc.js';
import type {
  Implementation,
  JsonRpcRequest,
  JsonRpcResponse,
  ReadResourceResult,
  RequestId,
} from '../protocol/types.js';
import type { Era, McpRequest } from '../request/request.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import { clipInput } from '../utils/quote-input.js';
import { type CacheHints, modernError, modernResult, serverMetaOf } from './modern-result.js';
import type { InputRounds } from './mrtr.js';

/** Answers one request already read from the wire; never throws. */
export type Dispatch = (request: McpRequest, wiring?: RequestWiring) => Promise<JsonRpcResponse>;

/**
 * Builds `dispatch(request, wiring)`: finds the method in the one method table
 * (every method, middleware included), checks params, builds the context once
 * and turns the outcome into a JSON-RPC response. It never throws.
 */
export const createDispatcher = (
  methods: ReadonlyMap<string, Handler>,
  readOwnResource: (uri: string, ctx: Context) => Promise<ReadResourceResult>,
  options: {
    readonly mask: boolean | undefined;
    readonly serverInfo: Implementation;
    readonly cacheHints: CacheHints | undefined;
    readonly rounds: InputRounds;
  },
): Dispatch => {
  const { mask, cacheHints, rounds } = options;
  const serverMeta = serverMetaOf(options.serverInfo);
  // server/discover is a modern method whatever era asks: its answer always has the modern shape.
  const shaped = (result: RequestResult, method: string, modern: boolean) =>
    modern || method === 'server/discover' ? modernResult(method, result, serverMeta, cacheHints) : result;
  return async (request, wiring) => {
    const id = request.id as RequestId;
    const { method } = request;
    const modern = request.era === 'modern';
    const handler = servesMethod(methods, method, request.era) ? methods.get(method) : undefined;
    if (!handler) return failure(id, ErrorCode.MethodNotFound, `Method not found: ${clipInput(method)}`);
    const { params } = request;
    if (params !== undefined && !isPlainObject(params))
      return failure(id, ErrorCode.InvalidParams, 'params must be an object');
    const args = (params as Record<string, unknown> | undefined) ?? {};
    if (modern) {
      const fail = (error: unknown) => modernError(errorResponse(id, error, mask));
      // A 2026 request runs once: asking for input ends it with an input_required result the client retries.
      // Most requests are first rounds: no promise made for them.
      const retry =
        args.requestState === undefined && args.inputResponses === undefined
          ? undefined
          : await rounds.readRetry(request, args);
      if (retry instanceof ProtocolError) return fail(retry);
      const ctx = completeContext(request, wiring, readOwnResource, retry, replayFeatures(retry, rounds.replay));
      try {
        return success(id, shaped(await handler(args, ctx), method, modern));
      } catch (error) {
        if (!isInputRequired(error)) return fail(error);
        const answer = await rounds.answer(error, request, args);
        return answer instanceof ProtocolError ? fail(answer) : success(id, shaped(answer, method, modern));
      }
    }
    // A 2025 session asks the client itself and runs the handler again with the answers, a bounded number of rounds.
    let input: InputAnswers | undefined;
    for (let round = 1; ; round++) {
      const ctx = completeContext(request, wiring, readOwnResource, input);
      try {
        return success(id, shaped(await handler(args, ctx), method, modern));
      } catch (error) {
        if (!isInputRequired(error)) return errorResponse(id, error, mask);
        if (round >= rounds.maxRounds) return errorResponse(id, tooManyRounds(method, rounds.maxRounds), mask);
        try {
          input = { responses: await fulfilInput(error, ctx), state: error.state };
        } catch (asking) {
          return errorResponse(id, asking, mask);
        }
      }
    }
  };
};

/** A handler that keeps asking past the bound. */
export const tooManyRounds = (method: string, max: number) =>
  new McpkitError('INPUT_ROUNDS_EXCEEDED', `${method}: the handler still asked for input after ${max} rounds`);

/** Methods the modern era removed: a modern request for one is -32601. */
const LEGACY_ONLY: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
]);

/** Methods the modern era added: a legacy request for one is -32601. */
const MODERN_ONLY: ReadonlySet<string> = new Set(['subscriptions/listen']);

/** Whether the method table answers `method` on `era` (each era lacks the methods only the other has). */
export const servesMethod = (methods: ReadonlyMap<string, Handler>, method: string, era: Era): boolean =>
  methods.has(method) && !(era === 'modern' ? LEGACY_ONLY : MODERN_ONLY).has(method);

/** `params._meta`, when it is an object. */
export const metaOf = (params: unknown): Readonly<Record<string, unknown>> | undefined =>
  isRecord(params) && isRecord(params._meta) ? params._meta : undefined;

/**
 * The request model of a direct call or of `server.handle()`: facts the
 * caller's context carries (its session's hello, its auth), on the legacy era.
 */
export const directRequest = (
  id: RequestId | undefined,
  method: string,
  params: unknown,
  meta: McpRequest['meta'],
  input: ContextInput | undefined,
): McpRequest => ({
  id,
  method,
  params,
  meta,
  era: 'legacy',
  protocolVersion: input?.session?.protocolVersion,
  clientInfo: input?.session?.clientInfo,
  clientCapabilities: input?.session?.clientCapabilities,
  logLevel: undefined,
  auth: input?.auth,
  http: input?.http,
});

/**
 * `server.handle()`: reads a raw JSON-RPC request (the envelope checked once,
 * by the shared reader) and dispatches it with the caller's context.
 */
export const handleRaw =
  (dispatch: Dispatch) =>
  (raw: JsonRpcRequest, input?: ContextInput): Promise<JsonRpcResponse> => {
    const message = readMessage(raw);
    if (message.kind !== 'request') {
      if (message.kind === 'invalid') return Promise.resolve(message.failure);
      const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
      return Promise.resolve(
        failure(
          id,
          ErrorCode.InvalidRequest,
          'Invalid request: expected a JSON-RPC 2.0 request with an id and a method',
        ),
      );
    }
    const { id, method, params } = message;
    return dispatch(directRequest(id, method, params, metaOf(params) ?? input?.meta, input), input);
  };
