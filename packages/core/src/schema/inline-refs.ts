/** A JSON Schema document or subschema (as `json-schema.ts` names it; not imported, as that file imports this one). */
type JsonSchema = Readonly<Record<string, unknown>>;

/** How many times one definition may be opened inside itself before a recursive schema is cut. */
export const MAX_REF_DEPTH = 3;
/** How many references one schema may expand in all (shared definitions nested in shared definitions multiply). */
const MAX_EXPANSIONS = 1000;

/** The description a cut recursive branch carries. */
export const CUT_DESCRIPTION = `Recursive schema, inlined to ${MAX_REF_DEPTH} levels: deeper values are not described here.`;
/** The description a branch carries when the schema grew too large to inline in full. */
export const TOO_LARGE_DESCRIPTION = `Schema too large to inline in full (over ${MAX_EXPANSIONS} references): not described here.`;

/** Keywords whose value is a map from names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is data, never a schema (copied as is). */
const DATA = new Set(['enum', 'const', 'default', 'examples', 'required', 'type', 'dependentRequired']);
/** Definitions are dropped once every reference to them is inlined. */
const DEFINITIONS = new Set(['$defs', 'definitions']);

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local JSON Pointer (`#`, `#/$defs/a`) from the root; undefined when it leads nowhere. */
const resolvePointer = (root: JsonSchema, ref: string): unknown => {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '') return root;
  if (!path.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isNode(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
};

/**
 * Replaces every `$ref` in a JSON Schema by a copy of what it points to and
 * drops `$defs`/`definitions`, because several MCP clients fail on
 * references. A recursive schema is inlined to {@link MAX_REF_DEPTH} levels;
 * below that the branch keeps only its `type` and a description saying it was
 * cut; past {@link MAX_EXPANSIONS} expansions (shared definitions nested in
 * shared definitions) further ones are cut likewise. A reference that leads nowhere (or outside the document) becomes a
 * permissive `{}` with a description saying so.
 */
export const inlineRefs = (root: JsonSchema): JsonSchema => {
  let expansions = 0;
  const schema = (node: unknown, open: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => schema(item, open));
    if (!isNode(node)) return node;
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (DEFINITIONS.has(key) || key === '$ref') continue;
      if (DATA.has(key)) out[key] = value;
      else if (SCHEMA_MAPS.has(key) && isNode(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, schema(sub, open)]));
      } else out[key] = schema(value, open);
    }
    const ref = node.$ref;
    if (typeof ref !== 'string') return out;
    const target = resolvePointer(root, ref);
    if (!isNode(target)) return { description: `Unresolved reference ${ref} left out.`, ...out };
    const depth = open.filter((r) => r === ref).length;
    if (depth >= MAX_REF_DEPTH || expansions >= MAX_EXPANSIONS) {
      const description = depth >= MAX_REF_DEPTH ? CUT_DESCRIPTION : TOO_LARGE_DESCRIPTION;
      return { ...(typeof target.type === 'string' && { type: target.type }), description };
    }
    expansions += 1;
    return { ...(schema(target, [...open, ref]) as Node), ...out };
  };
  return schema(root, []) as JsonSchema;
};
