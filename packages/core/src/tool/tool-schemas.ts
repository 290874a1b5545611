import { DefinitionError } from '../errors/errors.js';
import type { AnySchema } from '../schema/any-schema.js';
import { canConvertLater, canConvertLaterToObject } from '../schema/deferred-json-schema.js';
import { EMPTY_OBJECT_SCHEMA, type JsonObjectSchema, toJson, toJsonObject } from '../schema/json-schema.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import { once } from '../utils/once.js';

/** Marks an output schema whose value is wrapped as `{ result }` (non-object outputs). */
export const WRAP_MARKER = 'x-mcpkit-wrap-result';

/** A tool's JSON Schemas as clients see them. */
export interface ToolSchemas {
  readonly input: JsonObjectSchema;
  readonly output: JsonObjectSchema | undefined;
  /** True when a non-object output is sent as `{ result }`. */
  readonly wraps: boolean;
}

/** What a tool's JSON Schemas are made from, copied out of its options (which the caller may change later). */
export interface SchemaSources {
  readonly name: string;
  readonly input: AnySchema | undefined;
  readonly output: AnySchema | undefined;
  readonly inputSchema: JsonObjectSchema | undefined;
  readonly outputSchema: JsonObjectSchema | undefined;
}

/** Checks and freezes a hand-written JSON Schema of tool `name` (its `field`). */
export const checkedSchema = (
  schema: JsonObjectSchema | undefined,
  name: string,
  field: string,
): JsonObjectSchema | undefined => {
  if (schema === undefined) return undefined;
  if (schema?.type !== 'object') {
    throw new DefinitionError(`Tool '${name}' ${field} must be a JSON Schema with type "object"`);
  }
  return deepFreeze(schema);
};

/** Converts the schemas (hand-written ones were checked already); a non-object output is wrapped. */
const convert = (from: SchemaSources): ToolSchemas => {
  const what = `Tool '${from.name}'`;
  const input = from.input
    ? deepFreeze(toJsonObject(from.input, `${what} input`))
    : (from.inputSchema ?? EMPTY_OBJECT_SCHEMA);
  if (!from.output) return { input, output: from.outputSchema, wraps: false };
  const output = deepFreeze(toJson(from.output, `${what} output`, 'output'));
  if (output.type === 'object') return { input, output: output as JsonObjectSchema, wraps: false };
  const wrapped = { type: 'object', properties: { result: output }, required: ['result'], [WRAP_MARKER]: true };
  return { input, output: deepFreeze(wrapped) as JsonObjectSchema, wraps: true };
};

/** Whether conversion can wait for first use: it cannot fail, so no error is put off. */
const canWait = (from: SchemaSources): boolean =>
  (!from.input || canConvertLaterToObject(from.input)) && (!from.output || canConvertLater(from.output));

const schemasOf = (descriptor: object): ToolSchemas =>
  (descriptor as { readonly '~schemas': () => ToolSchemas })['~schemas']();

// Accessors shared by every tool (not made per tool), so descriptors keep a few fast shapes.
const accessor = (get: (schemas: ToolSchemas) => unknown): PropertyDescriptor => ({
  enumerable: true,
  get(this: object) {
    return get(schemasOf(this));
  },
});
const INPUT_SCHEMA = accessor((schemas) => schemas.input);
const OUTPUT_SCHEMA = accessor((schemas) => schemas.output);
const WRAPS_OUTPUT = accessor((schemas) => schemas.wraps);

/** The fields a descriptor gets from {@link defineSchemas}. */
interface SchemaFields {
  inputSchema?: JsonObjectSchema;
  outputSchema?: JsonObjectSchema | undefined;
  wrapsOutput?: boolean;
  '~schemas'?: () => ToolSchemas;
}

/**
 * Gives a (not yet frozen) descriptor its `inputSchema`, `outputSchema` and
 * `wrapsOutput`. Valibot schemas become accessors that convert on first read,
 * once, through the descriptor's `~schemas`; a schema whose conversion could
 * fail is converted now, so its error surfaces at definition (and reading the
 * accessors, as a spread does, never throws). Hand-written schemas must be
 * {@link checkedSchema}s.
 */
export const defineSchemas = <T extends object>(descriptor: T, sources: SchemaSources): T => {
  const fields = descriptor as T & SchemaFields;
  if (!(sources.input || sources.output) || !canWait(sources)) {
    const schemas = convert(sources);
    fields.inputSchema = schemas.input;
    fields.outputSchema = schemas.output;
    fields.wrapsOutput = schemas.wraps;
    return descriptor;
  }
  // An ordinary member: the accessors read the one conversion it makes. A spread copy (compose(),
  // transform(), `{ ...tool }`) reads the accessors, so it gets plain fields holding that same conversion.
  fields['~schemas'] = once(() => convert(sources));
  Object.defineProperty(descriptor, 'inputSchema', INPUT_SCHEMA);
  if (sources.output) {
    Object.defineProperty(descriptor, 'outputSchema', OUTPUT_SCHEMA);
    Object.defineProperty(descriptor, 'wrapsOutput', WRAPS_OUTPUT);
  } else {
    // Only the input waits: the output fields are plain (the common case; fewer accessors to define).
    fields.outputSchema = sources.outputSchema;
    fields.wrapsOutput = false;
  }
  return descriptor;
};
