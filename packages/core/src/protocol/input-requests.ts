import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import { isPlainObject as isObject } from '../utils/is-plain-object.js';
import type { ClientCapabilities } from './types.js';

/** One request a server embeds in an `input_required` result (no JSON-RPC id). */
export interface InputRequest {
  readonly method: 'elicitation/create' | 'sampling/createMessage' | 'roots/list';
  readonly params: Readonly<Record<string, unknown>>;
}

/** Server-chosen keys to the requests the client must answer before retrying. */
export type InputRequests = Readonly<Record<string, InputRequest>>;

/** The client's answers on a retry, by the same keys (ElicitResult, CreateMessageResult, ListRootsResult). */
export type InputResponses = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The methods whose result may be `input_required` (2026-07-28 MRTR); no other may. */
export const INPUT_REQUIRED_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);

/** An interim `input_required` result. */
export interface InputRequiredResult {
  readonly resultType: 'input_required';
  readonly inputRequests?: InputRequests;
  readonly requestState?: string;
}

/**
 * The client capability an input request needs, as the capability object the
 * MissingRequiredClientCapability error names: `elicitation` (with `url` for a
 * URL-mode elicitation), `sampling`, or `roots`.
 */
export const capabilityFor = (request: InputRequest): ClientCapabilities => {
  if (request.method === 'sampling/createMessage') return { sampling: {} };
  if (request.method === 'roots/list') return { roots: {} };
  return request.params.mode === 'url' ? { elicitation: { url: {} } } : { elicitation: {} };
};

/** Whether `capabilities` (this request's) cover `request`; an empty `elicitation` object means form mode only. */
export const clientCanAnswer = (request: InputRequest, capabilities: ClientCapabilities | undefined): boolean => {
  if (!capabilities) return false;
  if (request.method === 'sampling/createMessage') return isObject(capabilities.sampling);
  if (request.method === 'roots/list') return isObject(capabilities.roots);
  const elicitation = capabilities.elicitation;
  if (!isObject(elicitation)) return false;
  if (request.params.mode === 'url') return isObject(elicitation.url);
  // No mode listed at all means form support (2025-11-25 back-compat).
  return isObject(elicitation.form) || !isObject(elicitation.url);
};

/**
 * Splits requests into the ones this request's client capabilities allow and
 * the capabilities the others would need (merged, for `data.requiredCapabilities`
 * of a -32021 error). The spec forbids embedding a request the client did not
 * declare.
 */
export const partitionInputRequests = (
  requests: InputRequests,
  capabilities: ClientCapabilities | undefined,
): { readonly allowed: InputRequests; readonly missing: ClientCapabilities | undefined } => {
  const allowed: Record<string, InputRequest> = {};
  let missing: Record<string, Record<string, unknown>> | undefined;
  for (const [key, request] of Object.entries(requests)) {
    if (clientCanAnswer(request, capabilities)) {
      allowed[key] = request;
      continue;
    }
    missing ??= {};
    for (const [name, value] of Object.entries(capabilityFor(request))) {
      missing[name] = { ...(missing[name] ?? {}), ...(value as Record<string, unknown>) };
    }
  }
  return { allowed, missing: missing as ClientCapabilities | undefined };
};

/**
 * Builds an `input_required` result; at least one of `inputRequests` (non-empty)
 * or `requestState` must be given, as the spec requires.
 */
export const inputRequiredResult = (parts: {
  readonly inputRequests?: InputRequests;
  readonly requestState?: string;
}): InputRequiredResult => {
  const hasRequests = parts.inputRequests !== undefined && Object.keys(parts.inputRequests).length > 0;
  if (!hasRequests && parts.requestState === undefined) {
    throw new TypeError('an input_required result needs inputRequests or requestState');
  }
  return {
    resultType: 'input_required',
    ...(hasRequests ? { inputRequests: parts.inputRequests } : {}),
    ...(parts.requestState === undefined ? {} : { requestState: parts.requestState }),
  };
};

/**
 * Reads `params.inputResponses` of a retry: absent is no answers; otherwise an
 * object whose values are objects (each a client result). Anything else is
 * -32602. Unknown keys are kept: the handler reads only the keys it asked for,
 * so extra ones are ignored, as the spec asks.
 */
export const readInputResponses = (value: unknown): InputResponses | ProtocolError => {
  if (value === undefined) return {};
  if (!isObject(value))
    return new ProtocolError(ErrorCode.InvalidParams, 'Invalid params: inputResponses must be an object');
  for (const [key, response] of Object.entries(value)) {
    if (!isObject(response)) {
      return new ProtocolError(
        ErrorCode.InvalidParams,
        `Invalid params: inputResponses.${key} must be a result object`,
        { key },
      );
    }
  }
  return value as InputResponses;
};
