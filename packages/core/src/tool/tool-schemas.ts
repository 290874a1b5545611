import { DefinitionError } from '../errors/errors.js';
import type { AnySchema } from '../schema/any-schema.js';
import { canConvertLater, canConvertLaterToObject } from '../schema/deferred-json-schema.js';
import { hasRefs, inlineRefs } from '../schema/inline-refs.js';
import {
  asObjectSchema,
  EMPTY_OBJECT_SCHEMA,
  type JsonObjectSchema,
  type JsonSchema,
  toJsonWithRefs,
} from '../schema/json-schema.js';
import { DEFAULT_REF_INLINING, type RefInlining } from '../schema/ref-inlining.js';
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
  /** The tool's own bounds of `$ref` inlining (checked); undefined when it set none (the server's, or the defaults, apply). */
  readonly refInlining: Required<RefInlining> | undefined;
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

/** The JSON Schemas as the library wrote them, kept when they hold `$ref`s so a server can inline them to its own bounds. */
interface WithRefs {
  readonly input: JsonSchema | undefined;
  readonly output: JsonSchema | undefined;
}

/** The listed schemas from the library's JSON Schemas, `$ref`s inlined within `bounds`; a non-object output is wrapped. */
const inlined = (
  what: string,
  raw: WithRefs,
  fallback: Pick<SchemaSources, 'inputSchema' | 'outputSchema'>,
  bounds: Required<RefInlining>,
): ToolSchemas => {
  const input = raw.input
    ? deepFreeze(asObjectSchema(inlineRefs(raw.input, bounds), `${what} input`))
    : (fallback.inputSchema ?? EMPTY_OBJECT_SCHEMA);
  if (!raw.output) return { input, output: fallback.outputSchema, wraps: false };
  const output = deepFreeze(inlineRefs(raw.output, bounds));
  if (output.type === 'object') return { input, output: output as JsonObjectSchema, wraps: false };
  const wrapped = { type: 'object', properties: { result: output }, required: ['result'], [WRAP_MARKER]: true };
  return { input, output: deepFreeze(wrapped) as JsonObjectSchema, wraps: true };
};

/** Converts the schemas (hand-written ones were checked already), remembering the raw ones that hold `$ref`s. */
const convert = (from: SchemaSources): ToolSchemas & { readonly withRefs: WithRefs | undefined } => {
  const what = `Tool '${from.name}'`;
  const raw: WithRefs = {
    input: from.input && toJsonWithRefs(from.input, `${what} input`),
    output: from.output && toJsonWithRefs(from.output, `${what} output`, 'output'),
  };
  const schemas = inlined(what, raw, from, from.refInlining ?? DEFAULT_REF_INLINING);
  const keep = from.refInlining === undefined && (hasRefs(raw.input) || hasRefs(raw.output));
  return { ...schemas, withRefs: keep ? raw : undefined };
};

/**
 * A tool's listed schemas with `$ref`s inlined to a server's `bounds`:
 * undefined when the tool's own schemas stand (it set its own bounds, or its
 * schemas hold no references).
 */
export const schemasWithin = (tool: SchemaFields, bounds: Required<RefInlining>): ToolSchemas | undefined =>
  tool['~schemasWithin']?.(bounds);

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
  '~schemasWithin'?: (bounds: Required<RefInlining>) => ToolSchemas;
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
    const { withRefs } = schemas;
    if (withRefs) {
      // Only eager conversions can hold references (valibot's deferred ones have no lazy() and no global definitions).
      // An ordinary member: compose() and mount() copies keep it; transform(), which lists its own schema, drops it.
      fields['~schemasWithin'] = (bounds) => inlined(`Tool '${sources.name}'`, withRefs, sources, bounds);
    }
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
