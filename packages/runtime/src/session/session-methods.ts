import {
  type ContextInput,
  ErrorCode,
  type JsonRpcResponse,
  LOG_LEVELS,
  McpkitError,
  ProtocolError,
  type RequestId,
  type RequestResult,
} from '@mcpkit/core';
import { type ClientHello, initializeResult, readHello } from './initialize.js';
import { isLogLevel } from './logger.js';
import { errorMessage, isRecord } from './messages.js';
import type { SessionCore } from './session-core.js';
import { admitHello, admitSubscription } from './session-limits.js';

type Params = Readonly<Record<string, unknown>>;

/** The innermost handler of a method the session answers itself. */
type SessionMethod = (core: SessionCore, params: Params, ctx: ContextInput) => RequestResult;

const invalid = (message: string) => new ProtocolError(ErrorCode.InvalidParams, message);

const setLevel: SessionMethod = (core, params) => {
  if (!isLogLevel(params.level)) throw invalid(`Invalid log level: expected one of ${LOG_LEVELS.join(', ')}`);
  core.level = params.level;
  return {};
};

const subscription =
  (subscribe: boolean): SessionMethod =>
  (core, params, ctx) => {
    if (typeof params.uri !== 'string' || params.uri === '') throw invalid('params.uri must be a non-empty string');
    if (core.stateless)
      throw new ProtocolError(
        ErrorCode.InvalidRequest,
        'Resource subscriptions need a stateful session: this server runs stateless and cannot send updates',
      );
    if (subscribe) {
      admitSubscription(core, core.shared.limits, core.shared.server, params.uri, ctx.auth);
      core.subscriptions ??= new Set();
      core.subscriptions.add(params.uri);
    } else core.subscriptions?.delete(params.uri);
    return {};
  };

const METHODS: ReadonlyMap<string, SessionMethod> = new Map([
  ['logging/setLevel', setLevel],
  ['resources/subscribe', subscription(true)],
  ['resources/unsubscribe', subscription(false)],
]);

/** Requests the session answers itself; all but ping run through the server's middleware. */
export const isSessionMethod = (method: string): boolean =>
  method === 'initialize' || method === 'ping' || METHODS.has(method);

/** Requests a client may send before initialize completes. */
export const ALLOWED_BEFORE_INIT: ReadonlySet<string> = new Set(['initialize', 'ping']);

const ok = (id: RequestId, result: RequestResult): JsonRpcResponse => ({ jsonrpc: '2.0', id, result });

const failed = (core: SessionCore, id: RequestId, error: unknown): JsonRpcResponse => {
  if (error instanceof ProtocolError) return errorMessage(id, error.code, error.message, error.data);
  const message =
    error instanceof McpkitError || !core.shared.server.options.maskErrorDetails
      ? ((error as Error)?.message ?? String(error))
      : 'Internal error';
  return errorMessage(id, ErrorCode.InternalError, message);
};

/** Runs initialize through the middleware, then records what was negotiated. */
const initialize = async (core: SessionCore, params: Params, ctx: ContextInput): Promise<RequestResult> => {
  let hello: ClientHello | undefined;
  const result = await core.shared.server.intercept('initialize', params, ctx, async (chainParams) => {
    hello = readHello(chainParams);
    return initializeResult(core.shared.server, hello.protocolVersion);
  });
  // Middleware may answer by itself, or change the revision it answers with.
  const seen = hello ?? readHello(params);
  const protocolVersion = typeof result.protocolVersion === 'string' ? result.protocolVersion : seen.protocolVersion;
  // A stateless session lives for one request: sharing its hello would cost more than it saves.
  const negotiated = { ...seen, protocolVersion };
  const kept = core.stateless ? negotiated : core.shared.internHello(negotiated);
  admitHello(core, core.shared.limits, negotiated, kept === negotiated);
  core.hello = kept;
  core.initialized = true;
  return result;
};

/**
 * Answers a session-level request: initialize (once), ping, logging/setLevel,
 * resources/subscribe and unsubscribe. Never throws.
 */
export const answerSessionMethod = async (
  core: SessionCore,
  id: RequestId,
  method: string,
  rawParams: unknown,
  ctx: () => ContextInput,
): Promise<JsonRpcResponse> => {
  // As the core dispatcher does: params, when present, must be an object.
  if (rawParams !== undefined && !isRecord(rawParams))
    return errorMessage(id, ErrorCode.InvalidParams, 'params must be an object');
  const params = rawParams ?? {};
  if (method === 'ping') return ok(id, {});
  if (method === 'initialize') {
    if (core.initialized || core.initializing)
      return errorMessage(id, ErrorCode.InvalidRequest, 'The session is already initialized: initialize is sent once');
    core.initializing = true;
    try {
      return ok(id, await initialize(core, params, ctx()));
    } catch (error) {
      return failed(core, id, error);
    } finally {
      core.initializing = false;
    }
  }
  const handler = METHODS.get(method) as SessionMethod;
  try {
    const context = ctx();
    return ok(id, await core.shared.server.intercept(method, params, context, async (p) => handler(core, p, context)));
  } catch (error) {
    return failed(core, id, error);
  }
};
