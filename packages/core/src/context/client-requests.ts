import { McpkitError } from '../errors/errors.js';
import type {
  CreateMessageRequestParams,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
} from '../protocol/types.js';
import { toJsonObject } from '../schema/json-schema.js';
import { validate } from '../schema/validate.js';
import type { ElicitOutcome, ElicitRequest, SampleRequest } from './context.js';

/** The default `maxTokens` of a sampling request that names none. */
export const DEFAULT_MAX_TOKENS = 1024;

/** Normalises a {@link SampleRequest} into `sampling/createMessage` params. */
export const toSamplingParams = (request: SampleRequest): CreateMessageRequestParams => {
  const full = typeof request === 'string' ? { messages: request } : request;
  const messages =
    typeof full.messages === 'string'
      ? [{ role: 'user' as const, content: { type: 'text' as const, text: full.messages } }]
      : full.messages;
  return { ...full, messages, maxTokens: full.maxTokens ?? DEFAULT_MAX_TOKENS } as CreateMessageRequestParams;
};

/** Normalises an elicitation request into `elicitation/create` params. */
export const toElicitParams = (request: ElicitRequest): ElicitRequestFormParams | ElicitRequestURLParams => {
  if (request.mode === 'url') {
    return {
      mode: 'url',
      message: request.message,
      url: request.url,
      elicitationId: request.elicitationId ?? crypto.randomUUID(),
    };
  }
  const requestedSchema = 'schema' in request ? toJsonObject(request.schema, 'Elicitation') : request.requestedSchema;
  return { mode: 'form', message: request.message, requestedSchema } as ElicitRequestFormParams;
};

/**
 * Turns the client's answer into an outcome; accepted form content is checked
 * against the schema, and a mismatch is an error naming the fields.
 */
export const toElicitOutcome = async (
  request: ElicitRequest,
  result: ElicitResult,
): Promise<ElicitOutcome<unknown>> => {
  if (result.action !== 'accept') return { action: result.action };
  if (request.mode === 'url') return { action: 'accept', content: undefined };
  if (!('schema' in request)) return { action: 'accept', content: result.content ?? {} };
  const checked = await validate(request.schema, result.content ?? {});
  if (!checked.ok) {
    throw new McpkitError(
      'INVALID_ELICITATION_RESPONSE',
      `The client's elicitation answer is invalid: ${checked.message}`,
    );
  }
  return { action: 'accept', content: checked.value };
};
