import type { Operation } from '../routes/operations.js';
import { isJsonMediaType } from './pick-media-type.js';
import type { SchemaConverter } from './to-json-schema.js';

type Json = Record<string, unknown>;

/** Marks an output schema whose value is sent as `{ result }` (the response is not a JSON object). */
export const WRAP_KEY = 'x-mcpkit-wrap-result';

/** A tool's output schema and whether responses are wrapped to fit it. */
export interface OutputPlan {
  readonly schema: Json & { readonly type: 'object' };
  readonly wraps: boolean;
}

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

/**
 * The output schema of a tool, from the first 2xx response's JSON schema,
 * when every 2xx response is JSON only; a response that is not an object is
 * wrapped as `{ result }`. Undefined otherwise (results are then plain
 * content, since a tool with an output schema must always return structured
 * content).
 */
export const outputPlan = (op: Operation, convert: SchemaConverter): OutputPlan | undefined => {
  const successes = Object.entries(op.responses).filter(([status]) => isSuccess(status));
  const first = successes[0];
  // Every success must be JSON: a tool that advertises an output schema must always return structured content.
  const allJson = successes.every(([, r]) => {
    const types = Object.keys(r.content ?? {});
    return types.length > 0 && types.every(isJsonMediaType);
  });
  if (!first || !allJson) return undefined;
  const content = first[1].content ?? {};
  const types = Object.keys(content);
  const source = content[types[0] as string]?.schema;
  if (source === undefined) return undefined;
  const schema = convert(source);
  if (schema.type === 'object' && !schema.oneOf && !schema.anyOf)
    return { schema: schema as OutputPlan['schema'], wraps: false };
  return {
    schema: { type: 'object', properties: { result: schema }, required: ['result'], [WRAP_KEY]: true },
    wraps: true,
  };
};
