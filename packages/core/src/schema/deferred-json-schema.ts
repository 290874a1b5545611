import { getGlobalDefs } from '@valibot/to-json-schema';
import type { AnySchema } from './any-schema.js';
import { isValibot } from './is-valibot.js';

type Node = Readonly<Record<string, unknown>>;

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
/** Actions that can set the JSON Schema `type` the schema before them set. */
const TYPE_ACTIONS = new Set(['integer', 'safe_integer']);
const MAX_DEPTH = 64;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

const allSafe = (schemas: unknown, depth: number): boolean =>
  Array.isArray(schemas) && schemas.every((schema) => convertsSafely(schema, depth));

const entriesSafe = (entries: unknown, depth: number): boolean => {
  if (!isNode(entries)) return false;
  for (const key in entries) if (!convertsSafely(entries[key], depth)) return false;
  return true;
};

const pipeSafe = (pipe: unknown, depth: number): boolean =>
  Array.isArray(pipe) &&
  pipe.every(
    (item) =>
      isNode(item) &&
      (item.kind === 'schema' || 'pipe' in item
        ? convertsSafely(item, depth)
        : item.type !== 'metadata' || isNode(item.metadata)),
  );

/**
 * True when converting `schema` cannot throw: nothing on the way calls user
 * code (no `lazy` getters, no default functions) and everything the converter
 * reads is there. Conservative: false sends the schema to eager conversion.
 * Reads only what the converter reads for each type of schema.
 */
const convertsSafely = (schema: unknown, depth: number): boolean => {
  if (!isNode(schema) || depth > MAX_DEPTH) return false;
  const next = depth + 1;
  if ('pipe' in schema) return pipeSafe(schema.pipe, next);
  switch (schema.type) {
    case 'lazy':
      return false;
    case 'object':
    case 'loose_object':
    case 'strict_object':
      return entriesSafe(schema.entries, next);
    case 'object_with_rest':
      return entriesSafe(schema.entries, next) && convertsSafely(schema.rest, next);
    case 'array':
      return convertsSafely(schema.item, next);
    case 'tuple':
    case 'loose_tuple':
    case 'strict_tuple':
      return allSafe(schema.items, next);
    case 'tuple_with_rest':
      return allSafe(schema.items, next) && convertsSafely(schema.rest, next);
    case 'record':
      return convertsSafely(schema.key, next) && convertsSafely(schema.value, next);
    case 'nullable':
    case 'nullish':
    case 'optional':
    case 'exact_optional':
    case 'undefinedable':
      return typeof schema.default !== 'function' && convertsSafely(schema.wrapped, next);
    case 'union':
    case 'variant':
    case 'intersect':
      return allSafe(schema.options, next);
    case 'enum':
    case 'picklist':
      return Array.isArray(schema.options);
    default:
      return true;
  }
};

/** The schemas and actions a pipe runs, nested pipes spread in place (as the converter walks them). */
const flatPipe = (pipe: readonly unknown[]): Node[] =>
  pipe.flatMap((item) => (isNode(item) && Array.isArray(item.pipe) ? flatPipe(item.pipe) : [item as Node]));

/** True when the converted schema is sure to have `type: "object"` at the top. */
const convertsToObject = (schema: Node): boolean => {
  if (!Array.isArray(schema.pipe)) return OBJECT_TYPES.has(schema.type as string);
  const steps = flatPipe(schema.pipe);
  const schemas = steps.filter((step) => step.kind === 'schema');
  return (
    schemas.length === 1 &&
    OBJECT_TYPES.has(schemas[0]?.type as string) &&
    !steps.some((step) => TYPE_ACTIONS.has(step.type as string) || (step.type === 'metadata' && hasType(step)))
  );
};

const hasType = (metadata: Node): boolean => isNode(metadata.metadata) && Object.hasOwn(metadata.metadata, 'type');

/**
 * Whether converting `schema` to JSON Schema may wait until first needed: it
 * cannot fail or call user code, and no global definitions (which could be
 * added meanwhile) take part. Anything else should be converted at once, so
 * its errors surface where it is defined. Only valibot schemas are read
 * this way; other libraries' schemas are converted at once.
 */
export const canConvertLater = (schema: unknown): boolean =>
  isValibot(schema as AnySchema) && getGlobalDefs() === undefined && convertsSafely(schema, 0);

/** Like {@link canConvertLater}, and the result is sure to be an object schema (as tool inputs must be). */
export const canConvertLaterToObject = (schema: unknown): boolean =>
  canConvertLater(schema) && convertsToObject(schema as Node);
