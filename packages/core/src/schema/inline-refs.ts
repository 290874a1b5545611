import { DEFAULT_REF_INLINING, type RefInlining } from './ref-inlining.js';

/** A JSON Schema document or subschema (as `json-schema.ts` names it; not imported, as that file imports this one). */
type JsonSchema = Readonly<Record<string, unknown>>;

/** The description a recursive branch cut after `maxDepth` levels carries. */
export const cutDescription = (maxDepth: number): string =>
  `Recursive schema, inlined to ${maxDepth} levels: deeper values are not described here.`;
/** The description a branch carries when the schema grew past `maxExpansions` references. */
export const tooLargeDescription = (maxExpansions: number): string =>
  `Schema too large to inline in full (over ${maxExpansions} references): not described here.`;

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

/** Whether a JSON value holds a `$ref` anywhere (data keywords included: a false positive only costs a copy). */
export const hasRefs = (node: unknown): boolean => {
  if (Array.isArray(node)) return node.some(hasRefs);
  if (!isNode(node)) return false;
  for (const key in node) if (key === '$ref' || hasRefs(node[key])) return true;
  return false;
};

/**
 * Replaces every `$ref` in a JSON Schema by a copy of what it points to and
 * drops `$defs`/`definitions`, because several MCP clients fail on
 * references. A recursive schema is inlined to `maxDepth` levels (3 by
 * default); below that the branch keeps only its `type` and a description
 * saying it was cut; past `maxExpansions` expansions in all (1000 by default:
 * shared definitions nested in shared definitions multiply) further ones are
 * cut likewise. A reference that leads nowhere (or outside the document)
 * becomes a permissive `{}` with a description saying so. The bounds are
 * checked by `refInlining()`.
 */
export const inlineRefs = (root: JsonSchema, bounds: Required<RefInlining> = DEFAULT_REF_INLINING): JsonSchema => {
  const { maxDepth, maxExpansions } = bounds;
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
    if (depth >= maxDepth || expansions >= maxExpansions) {
      const description = depth >= maxDepth ? cutDescription(maxDepth) : tooLargeDescription(maxExpansions);
      return { ...(typeof target.type === 'string' && { type: target.type }), description };
    }
    expansions += 1;
    return { ...(schema(target, [...open, ref]) as Node), ...out };
  };
  return schema(root, []) as JsonSchema;
};
