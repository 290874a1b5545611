import { type Context, type ToolAnnotations, type ToolDescriptor, ToolError, tool } from '@mcpkit/core';
import { BodyError } from '../request/encode-body.js';
import { SendError } from '../request/send-request.js';
import { TooLargeError } from '../response/read-body.js';
import { toCallResult } from '../response/to-call-result.js';
import type { OutputPlan } from '../schema/output-schema.js';
import { callOperation, NoBaseUrlError, type OperationCall } from './operation-call.js';

/** The annotations HTTP semantics give: GET/HEAD/OPTIONS read only; PUT and DELETE idempotent; DELETE destructive. */
const annotationsOf = (method: string): ToolAnnotations => {
  const readOnly = method === 'get' || method === 'head' || method === 'options';
  return {
    readOnlyHint: readOnly,
    destructiveHint: method === 'delete',
    idempotentHint: readOnly || method === 'put' || method === 'delete',
    openWorldHint: true,
  };
};

/** Errors whose message is for the model: they become tool error results. */
const isCallFailure = (error: unknown): error is Error =>
  error instanceof BodyError ||
  error instanceof SendError ||
  error instanceof NoBaseUrlError ||
  error instanceof TooLargeError;

/** A tool that calls one operation. */
export const operationTool = (
  call: OperationCall,
  meta: {
    readonly name: string;
    readonly title: string | undefined;
    readonly description: string | undefined;
    readonly tags: readonly string[];
    readonly output: OutputPlan | undefined;
    readonly maxErrorChars: number;
  },
): ToolDescriptor =>
  tool({
    name: meta.name,
    title: meta.title,
    description: meta.description,
    tags: meta.tags,
    inputSchema: call.plan.schema,
    outputSchema: meta.output?.schema,
    annotations: annotationsOf(call.op.method),
    run: async (args: Record<string, unknown>, ctx: Context) => {
      try {
        const response = await callOperation(call, args, ctx);
        return toCallResult(response, meta.output, call.label, {
          maxErrorChars: meta.maxErrorChars,
          uri: `openapi://${meta.name}/result`,
        });
      } catch (error) {
        if (isCallFailure(error)) throw new ToolError(error.message);
        throw error;
      }
    },
  });
