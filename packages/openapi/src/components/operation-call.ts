import type { Context } from '@mcpkit/core';
import { buildRequest } from '../request/build-request.js';
import { type ApiResponse, type SendSettings, sendRequest } from '../request/send-request.js';
import type { Operation } from '../routes/operations.js';
import type { InputPlan } from '../schema/input-plan.js';

/** Everything a component needs to call its operation. */
export interface OperationCall {
  readonly op: Operation;
  readonly plan: InputPlan;
  /** The API's base URL, or undefined when the document has none that is absolute and none was configured. */
  readonly baseUrl: string | undefined;
  readonly settings: SendSettings;
  /** `METHOD /path`, for messages. */
  readonly label: string;
}

/** Thrown when an operation has no base URL to call; its message tells the user to configure one. */
export class NoBaseUrlError extends Error {}

/** Builds and sends the request of one call; throws `BodyError`, `SendError` or `NoBaseUrlError` with a message for the model. */
export const callOperation = (
  call: OperationCall,
  args: Readonly<Record<string, unknown>>,
  ctx: Context,
): Promise<ApiResponse> => {
  if (!call.baseUrl) {
    throw new NoBaseUrlError(
      `${call.label}: the OpenAPI document has no absolute server URL; pass baseUrl to openapi()`,
    );
  }
  const { method, path, operationId } = call.op;
  return sendRequest(buildRequest(call.op, call.plan, call.baseUrl, args), call.settings, ctx, {
    method: method.toUpperCase(),
    path,
    operationId,
  });
};
