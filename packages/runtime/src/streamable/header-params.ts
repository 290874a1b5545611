import { isRecord as isObject } from '@mcpkit/core';

/** One tool argument mirrored into an `Mcp-Param-{header}` request header (`x-mcp-header`). */
export interface HeaderParam {
  /** The name part of the header, as declared (`Region` → `Mcp-Param-Region`). */
  readonly header: string;
  /** The chain of `properties` keys from the schema root to the argument. */
  readonly path: readonly string[];
  /** The argument's primitive type. */
  readonly type: 'string' | 'integer' | 'boolean';
}

/** The header arguments of a tool schema, or why its `x-mcp-header` annotations are invalid. */
export type HeaderParamsResult =
  | { readonly ok: true; readonly params: readonly HeaderParam[] }
  | { readonly ok: false; readonly problem: string };

/** RFC 9110 `token` (1*tchar). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'integer', 'boolean']);

/** Keywords whose values are data, not subschemas: an `x-mcp-header` key inside them is not an annotation. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Finds the `x-mcp-header` arguments of a tool's `inputSchema` and checks the
 * spec's constraints on them: a non-empty RFC 9110 token, unique ignoring
 * case, on a `string`/`integer`/`boolean` property reached from the root
 * through `properties` keys only (never `items`, composition, conditionals or
 * `$ref`). A tool breaking them would be dropped by clients, so the caller
 * refuses it.
 */
export const headerParamsOf = (schema: unknown): HeaderParamsResult => {
  const params: HeaderParam[] = [];
  const problems: string[] = [];
  const visit = (node: unknown, reachable: boolean, path: readonly string[]): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false, path);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-mcp-header') {
        const where = path.length ? path.join('.') : '(root)';
        if (!reachable || path.length === 0)
          problems.push(`x-mcp-header at ${where} is not reachable through properties alone`);
        else if (typeof value !== 'string' || !TOKEN.test(value)) {
          problems.push(`x-mcp-header at ${where} must be a non-empty header token`);
        } else if (typeof node.type !== 'string' || !PRIMITIVES.has(node.type)) {
          problems.push(`x-mcp-header at ${where} must annotate a string, integer or boolean property`);
        } else if (params.some((p) => p.header.toLowerCase() === value.toLowerCase())) {
          problems.push(`x-mcp-header ${JSON.stringify(value)} is declared twice (names are case-insensitive)`);
        } else params.push({ header: value, path, type: node.type as HeaderParam['type'] });
      } else if (key === 'properties' && isObject(value)) {
        for (const [name, sub] of Object.entries(value)) visit(sub, reachable, [...path, name]);
      } else if (!DATA_KEYWORDS.has(key)) visit(value, false, path);
    }
  };
  visit(schema, true, []);
  return problems.length ? { ok: false, problem: problems.join('; ') } : { ok: true, params };
};
