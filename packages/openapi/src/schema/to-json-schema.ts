import { setOwn } from '../utils/set-own.js';

/** A JSON value as a plain object node. */
type Node = Record<string, unknown>;

/** Which way a schema is read: request schemas drop `readOnly` properties, response schemas `writeOnly` ones. */
export type SchemaDirection = 'request' | 'response';

/** OpenAPI-only keywords with no JSON Schema meaning (`example` becomes `examples`). */
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'nullable', '$schema', '$id', '$anchor']);
/** Keywords whose value is one schema. */
const ONE = new Set([
  'items',
  'not',
  'additionalProperties',
  'additionalItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords whose value is a list of schemas. */
const MANY = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The state of one conversion: results per source node, and the nodes being converted (to cut cycles). */
interface Walk {
  readonly version: '3.0' | '3.1';
  readonly direction: SchemaDirection;
  readonly done: WeakMap<object, Node>;
  readonly open: Set<object>;
}

const hides = (schema: unknown, walk: Walk): boolean =>
  isNode(schema) && (walk.direction === 'request' ? schema.readOnly === true : schema.writeOnly === true);

/** OpenAPI 3.0's `nullable: true` as JSON Schema: `null` joins the type (and the enum, when there is one). */
const addNull = (out: Node): Node => {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
};

/** OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` as the numeric form JSON Schema 2020-12 has. */
const numericBounds = (source: Node, out: Node): void => {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof source[flag] !== 'boolean') continue;
    delete out[flag];
    if (source[flag] === true && typeof source[bound] === 'number') {
      out[flag] = source[bound];
      delete out[bound];
    }
  }
};

/** JSON Schema patterns are Unicode regular expressions; one that does not compile as such is dropped. */
const isUnicodePattern = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

const convertNode = (source: unknown, walk: Walk): Node | boolean => {
  if (typeof source === 'boolean') return source;
  if (!isNode(source)) return {};
  const cached = walk.done.get(source);
  if (cached) return cached;
  // A schema that contains itself (dereferenced recursion) is cut to "anything" at the repeat.
  if (walk.open.has(source)) return { description: 'Recursive: any value of the enclosing type' };
  walk.open.add(source);
  let out: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === '$ref') continue;
    if (ONE.has(key)) setOwn(out, key, convertNode(value, walk));
    else if (MANY.has(key) && Array.isArray(value))
      setOwn(
        out,
        key,
        value.map((item) => convertNode(item, walk)),
      );
    else if (MAP.has(key) && isNode(value)) {
      const entries: Node = {};
      for (const [name, schema] of Object.entries(value)) {
        if (key === 'properties' && hides(schema, walk)) continue;
        setOwn(entries, name, convertNode(schema, walk));
      }
      out[key] = entries;
    } else setOwn(out, key, value);
  }
  if (Array.isArray(out.required) && isNode(source.properties)) {
    const props = source.properties;
    out.required = (out.required as unknown[]).filter((name) => typeof name === 'string' && !hides(props[name], walk));
  }
  if (source.example !== undefined && out.examples === undefined) out.examples = [source.example];
  // Boolean bounds are OpenAPI 3.0 (JSON Schema draft 4); 3.1 documents carry them too, so both are rewritten.
  numericBounds(source, out);
  if (typeof out.pattern === 'string' && !isUnicodePattern(out.pattern)) delete out.pattern;
  if (walk.version === '3.0' && source.nullable === true) out = addNull(out);
  walk.open.delete(source);
  walk.done.set(source, out);
  return out;
};

/** Creates a converter for one document; results are shared between calls, so shared schemas convert once. */
export const schemaConverter = (version: '3.0' | '3.1', direction: SchemaDirection) => {
  const walk: Walk = { version, direction, done: new WeakMap(), open: new Set() };
  /**
   * Converts a dereferenced OpenAPI schema object to JSON Schema 2020-12:
   * OpenAPI-only keywords and extensions dropped, `nullable` (3.0) and
   * boolean exclusive bounds rewritten, patterns that are not valid Unicode
   * regular expressions dropped, `example` kept as `examples`, and
   * recursion cut to an open schema so the result is finite.
   */
  return (schema: unknown): Node => {
    const out = convertNode(schema, walk);
    return typeof out === 'boolean' ? (out ? {} : { not: {} }) : out;
  };
};

/** A converter of OpenAPI schemas to JSON Schema (see {@link schemaConverter}). */
export type SchemaConverter = ReturnType<typeof schemaConverter>;
