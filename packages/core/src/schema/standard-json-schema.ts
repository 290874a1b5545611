import type { StandardJsonSchemaConverter } from './standard-schema.js';

/** Which side of a schema to describe: what it accepts, or what it produces. */
export type SchemaSide = 'input' | 'output';

/** The JSON Schema dialects asked for, in order: draft-07 as valibot's converter writes, then 2020-12. */
const TARGETS = ['draft-07', 'draft-2020-12'] as const;

const converterOf = (schema: object): StandardJsonSchemaConverter | undefined => {
  const converter = (schema as { '~standard'?: { jsonSchema?: Partial<StandardJsonSchemaConverter> } })['~standard']
    ?.jsonSchema;
  return typeof converter?.input === 'function' && typeof converter.output === 'function'
    ? (converter as StandardJsonSchemaConverter)
    : undefined;
};

/**
 * The JSON Schema of a non-valibot Standard Schema, or undefined when the
 * library offers none. Uses the Standard JSON Schema interface
 * (`~standard.jsonSchema`, as zod 4 and ArkType expose it) and else a
 * `toJsonSchema()` method (older ArkType). Throws what the library throws
 * (a type it cannot express, such as a date).
 */
export const standardJsonSchema = (schema: object, side: SchemaSide): Record<string, unknown> | undefined => {
  const converter = converterOf(schema);
  if (converter) {
    let first: unknown;
    for (const target of TARGETS) {
      try {
        return converter[side]({ target });
      } catch (error) {
        first ??= error;
      }
    }
    throw first;
  }
  const method = (schema as { toJsonSchema?: unknown }).toJsonSchema;
  return typeof method === 'function' ? (method.call(schema) as Record<string, unknown>) : undefined;
};
