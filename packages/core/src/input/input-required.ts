import { toElicitParams, toSamplingParams } from '../context/client-requests.js';
import type { ElicitRequest, SampleRequest } from '../context/context.js';
import { McpkitError } from '../errors/errors.js';
import type { InputRequest, InputRequests } from '../protocol/input-requests.js';

/**
 * What a handler returns (or throws) when it needs the client's input before
 * it can finish: requests for the client to answer, by keys the handler
 * chooses, and state for the next round. On a 2026-07-28 request it goes out
 * as an `input_required` result (the state sealed into `requestState`); on a
 * 2025 session the runtime asks the client itself and runs the handler again.
 * Either way the handler is re-entered with `ctx.input`.
 */
export interface InputRequired {
  readonly kind: 'input_required';
  readonly requests: InputRequests;
  readonly state: unknown;
  /** Answers to earlier `ctx.elicit()`/`ctx.sample()`/`ctx.roots()` calls, in call order, when replaying. */
  readonly '~replay'?: readonly unknown[];
}

/** What {@link inputRequired} takes. */
export interface InputRequiredOptions {
  /** The requests the client must answer; build them with {@link ask}. */
  readonly requests?: Readonly<Record<string, InputRequest>>;
  /** JSON-serialisable state handed back, verified, as `ctx.input.state`. */
  readonly state?: unknown;
}

/**
 * Asks the client for input and ends this round of the handler.
 *
 * @example
 * run: async (_args, ctx) => {
 *   const answer = ctx.input?.responses.user_name;
 *   if (answer?.action !== 'accept') {
 *     return inputRequired({ requests: { user_name: ask.elicit({ message: 'Your name?', schema: v.object({ name: v.string() }) }) } });
 *   }
 *   return `Hello, ${answer.content.name}!`;
 * }
 */
export const inputRequired = (options: InputRequiredOptions): InputRequired => {
  const requests = options.requests ?? {};
  if (Object.keys(requests).length === 0 && options.state === undefined) {
    throw new McpkitError('INPUT_REQUIRED_EMPTY', 'inputRequired() needs at least one request or some state');
  }
  return Object.freeze({ kind: 'input_required', requests: Object.freeze({ ...requests }), state: options.state });
};

/** Whether a handler's return (or thrown) value asks for input. */
export const isInputRequired = (value: unknown): value is InputRequired =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'input_required';

/** Throws an {@link InputRequired} a handler returned, so it travels to the dispatcher like an error. */
export const passInput = <T>(value: T): T => {
  if (isInputRequired(value)) throw value;
  return value;
};

/** Builds the requests an {@link inputRequired} carries. */
export const ask = Object.freeze({
  /** An `elicitation/create` request (form with a schema or a JSON Schema, or URL mode). */
  elicit: (request: ElicitRequest): InputRequest => {
    const params = toElicitParams(request) as Record<string, unknown>;
    // The modern revisions dropped elicitationId; a URL request's outcome comes back on the retry.
    const { elicitationId: _, ...rest } = params;
    return { method: 'elicitation/create', params: request.mode === 'url' ? rest : params };
  },
  /** A `sampling/createMessage` request (a prompt string or the full params). */
  sample: (request: SampleRequest): InputRequest => ({
    method: 'sampling/createMessage',
    params: toSamplingParams(request) as unknown as Record<string, unknown>,
  }),
  /** A `roots/list` request. */
  roots: (): InputRequest => ({ method: 'roots/list', params: {} }),
});
