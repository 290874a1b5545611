import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import type { InputAnswers } from '../input/answers.js';
import type { InputRequired } from '../input/input-required.js';
import {
  INPUT_REQUIRED_METHODS,
  inputRequiredResult,
  partitionInputRequests,
  readInputResponses,
} from '../protocol/input-requests.js';
import { paramsDigest } from '../protocol/params-digest.js';
import { openRequestState, requestStateError, type StateBinding, sealRequestState } from '../protocol/request-state.js';
import { generateStateKey, type StateKey, stateKeyFromSecret } from '../protocol/state-key.js';
import type { McpRequest } from '../request/request.js';

/** How a server runs handlers that ask for input (`inputRequired()`, `ctx.elicit()` and friends). */
export interface InputOptions {
  /**
   * The secret `requestState` is sealed with (at least 32 bytes): every
   * instance given the same secret opens each other's state. Without one a
   * per-process key is made and a warning says so (state then does not
   * survive a restart or cross instances).
   */
  readonly secret?: string | Uint8Array;
  /** How long a sealed state may be presented, in ms. Default 10 minutes. */
  readonly ttlMs?: number;
  /** Rounds a 2025 session runs a handler that keeps asking before failing. Default 8. */
  readonly maxRounds?: number;
  /**
   * Whether `ctx.elicit()`, `ctx.sample()` and `ctx.roots()` work on 2026-07-28
   * requests by replaying the handler (default true). Off, they fail with an
   * error naming `inputRequired()`.
   */
  readonly replay?: boolean;
}

/** Defaults of {@link InputOptions}. */
export const INPUT_DEFAULTS = Object.freeze({ ttlMs: 10 * 60_000, maxRounds: 8, replay: true });

/** What the dispatcher uses to run the input round trips of one server. */
export interface InputRounds {
  readonly maxRounds: number;
  readonly replay: boolean;
  /** The answers a 2026 retry carries (`inputResponses`, verified `requestState`), none, or the -32602 to answer. */
  readonly readRetry: (
    request: McpRequest,
    params: Record<string, unknown>,
  ) => Promise<InputAnswers | undefined | ProtocolError>;
  /** The 2026 `input_required` result for what a handler asked, or the error to answer. */
  readonly answer: (
    asked: InputRequired,
    request: McpRequest,
    params: Record<string, unknown>,
  ) => Promise<Record<string, unknown> | ProtocolError>;
}

/** Who a state belongs to: the verified caller (client and subject), or nobody for anonymous requests. */
const identityOf = (request: McpRequest): string =>
  request.auth ? `${request.auth.clientId ?? ''}\u0000${request.auth.subject ?? ''}` : '';

const bindingOf = async (request: McpRequest, params: Record<string, unknown>): Promise<StateBinding> => ({
  identity: identityOf(request),
  method: request.method,
  paramsDigest: await paramsDigest(params),
});

/** The sealed payload: the handler's state and, when replaying, the answers so far. */
interface Sealed {
  readonly s?: unknown;
  readonly r?: readonly unknown[];
}

/** Builds the input round trips of a server; the key is made on first use. */
export const createInputRounds = (options: InputOptions = {}, warn: (message: string) => void): InputRounds => {
  const ttlMs = options.ttlMs ?? INPUT_DEFAULTS.ttlMs;
  let key: Promise<StateKey> | undefined;
  const keyOf = () => {
    if (!key && !options.secret)
      warn(
        'mcpkit: requestState is sealed with a per-process key; set createServer(..., { input: { secret } }) so it survives restarts and opens on every instance',
      );
    key ??= options.secret ? stateKeyFromSecret(options.secret) : generateStateKey();
    return key;
  };
  return {
    maxRounds: options.maxRounds ?? INPUT_DEFAULTS.maxRounds,
    replay: options.replay ?? INPUT_DEFAULTS.replay,
    readRetry: async (request, params) => {
      if (params.requestState === undefined && params.inputResponses === undefined) return undefined;
      const responses = readInputResponses(params.inputResponses);
      if (responses instanceof ProtocolError) return responses;
      if (params.requestState === undefined) return { responses, state: undefined };
      const opened = await openRequestState<Sealed>(params.requestState, {
        key: await keyOf(),
        binding: await bindingOf(request, params),
      });
      if (!opened.ok) return requestStateError(opened.reason);
      return { responses, state: opened.payload.s, '~replay': opened.payload.r ?? [] };
    },
    answer: async (asked, request, params) => {
      if (!INPUT_REQUIRED_METHODS.has(request.method))
        return new ProtocolError(
          ErrorCode.InternalError,
          `${request.method} cannot ask for input: only tools/call, prompts/get and resources/read may`,
        );
      const { allowed, missing } = partitionInputRequests(asked.requests, request.clientCapabilities);
      // Requests the client did not declare are never sent; if that leaves nothing to ask, the client must be told.
      if (missing && Object.keys(allowed).length === 0)
        return new ProtocolError(
          ErrorCode.MissingRequiredClientCapability,
          'Missing required client capability: the handler needs input this request did not declare it can give',
          { requiredCapabilities: missing },
        );
      const payload: Sealed = {
        ...(asked.state !== undefined && { s: asked.state }),
        ...(asked['~replay']?.length && { r: asked['~replay'] }),
      };
      const requestState =
        payload.s === undefined && payload.r === undefined
          ? undefined
          : await sealRequestState(payload, { key: await keyOf(), ttlMs, binding: await bindingOf(request, params) });
      return { ...inputRequiredResult({ inputRequests: allowed, requestState }) };
    },
  };
};
