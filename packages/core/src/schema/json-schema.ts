import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { DefinitionError } from '../errors/errors.js';
import type { AnySchema } from './any-schema.js';
import { inlineRefs } from './inline-refs.js';
import { isValibot } from './is-valibot.js';
import { DEFAULT_REF_INLINING, type RefInlining } from './ref-inlining.js';
import { type SchemaSide, standardJsonSchema } from './standard-json-schema.js';

/** A JSON Schema object as sent to clients. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A JSON Schema whose `type` is `"object"`, as MCP requires for tool and elicitation schemas. */
export type JsonObjectSchema = JsonSchema & {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
};

const NO_JSON_SCHEMA =
  'it cannot produce JSON Schema: use valibot, or a library implementing Standard JSON Schema (zod ≥ 4.2, ArkType ≥ 2.1.28)';

const convert = (schema: AnySchema, side: SchemaSide): Record<string, unknown> => {
  if (isValibot(schema))
    return toJsonSchema(schema as v.GenericSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  const json = standardJsonSchema(schema, side);
  if (json === undefined) throw new Error(NO_JSON_SCHEMA);
  return json;
};

/**
 * Converts a schema to JSON Schema as its library writes it (`$ref`s and all,
 * no `$schema`): valibot through `@valibot/to-json-schema`, other Standard
 * Schema libraries through their own converter (`side` picks what the schema
 * accepts or what it produces). `what` names the schema's owner in the error
 * thrown when it cannot be converted.
 */
export const toJsonWithRefs = (schema: AnySchema, what: string, side: SchemaSide = 'input'): JsonSchema => {
  try {
    const { $schema: _, ...json } = convert(schema, side);
    return json;
  } catch (error) {
    throw new DefinitionError(`${what}: its schema cannot be expressed as JSON Schema (${(error as Error).message})`);
  }
};

/**
 * Converts a schema to JSON Schema once, at construction (see
 * {@link toJsonWithRefs}), with no `$ref` (see {@link inlineRefs}, bounded by
 * `bounds`).
 */
export const toJson = (
  schema: AnySchema,
  what: string,
  side: SchemaSide = 'input',
  bounds: Required<RefInlining> = DEFAULT_REF_INLINING,
): JsonSchema => inlineRefs(toJsonWithRefs(schema, what, side), bounds);

/** `json` as an object schema, or a DefinitionError naming `what`. */
export const asObjectSchema = (json: JsonSchema, what: string): JsonObjectSchema => {
  if (json.type !== 'object') {
    throw new DefinitionError(
      `${what} must be an object schema (v.object(...), z.object(...), type({...})), got JSON Schema type ${String(json.type)}`,
    );
  }
  return json as JsonObjectSchema;
};

/** Like {@link toJson}, but insists on an object schema. */
export const toJsonObject = (schema: AnySchema, what: string, side: SchemaSide = 'input'): JsonObjectSchema =>
  asObjectSchema(toJson(schema, what, side), what);

/** The empty object schema used when a tool or prompt takes no arguments. */
export const EMPTY_OBJECT_SCHEMA: JsonObjectSchema = Object.freeze({ type: 'object', properties: Object.freeze({}) });
