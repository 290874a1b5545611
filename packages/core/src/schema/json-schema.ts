import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { DefinitionError } from '../errors/errors.js';

/** A JSON Schema object as sent to clients. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A JSON Schema whose `type` is `"object"`, as MCP requires for tool and elicitation schemas. */
export type JsonObjectSchema = JsonSchema & {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
};

/**
 * Converts a valibot schema to JSON Schema once, at construction. `what`
 * names the schema's owner in the error thrown when it cannot be converted.
 */
export const toJson = (schema: v.GenericSchema | v.GenericSchemaAsync, what: string): JsonSchema => {
  try {
    const { $schema: _, ...json } = toJsonSchema(schema as v.GenericSchema, { errorMode: 'ignore' }) as Record<
      string,
      unknown
    >;
    return json;
  } catch (error) {
    throw new DefinitionError(`${what}: its schema cannot be expressed as JSON Schema (${(error as Error).message})`);
  }
};

/** Like {@link toJson}, but insists on an object schema. */
export const toJsonObject = (schema: v.GenericSchema | v.GenericSchemaAsync, what: string): JsonObjectSchema => {
  const json = toJson(schema, what);
  if (json.type !== 'object') {
    throw new DefinitionError(
      `${what} must be an object schema (v.object(...)), got JSON Schema type ${String(json.type)}`,
    );
  }
  return json as JsonObjectSchema;
};

/** The empty object schema used when a tool or prompt takes no arguments. */
export const EMPTY_OBJECT_SCHEMA: JsonObjectSchema = Object.freeze({ type: 'object', properties: Object.freeze({}) });
