import type { HttpMethod, Operation } from './operations.js';

/** What an operation becomes. */
export type RouteType = 'tool' | 'resource' | 'resourceTemplate' | 'exclude';

/**
 * One rule of the route map: an operation that matches every field given
 * becomes `type`. Rules are tried in order and the first match wins; an
 * operation no rule matches is a tool.
 */
export interface RouteMap {
  /** HTTP methods (any case), or `'*'`; default any. */
  readonly methods?: readonly string[] | '*';
  /** Tested against the path template (`/pets/{petId}`); a string is a regular expression. */
  readonly pattern?: RegExp | string;
  /** The operation must carry every one of these tags. */
  readonly tags?: readonly string[];
  /** The operation's `operationId` must be one of these. */
  readonly operationIds?: readonly string[];
  readonly type: RouteType;
  /** Tags given to the component made from a matching operation (for filters and `mount()` selectors). */
  readonly mcpTags?: readonly string[];
}

/**
 * The route map that serves reads as resources: GET with path parameters
 * becomes a resource template, any other GET a resource, the rest tools.
 */
export const RESOURCE_ROUTES: readonly RouteMap[] = Object.freeze([
  Object.freeze({ methods: Object.freeze(['GET']), pattern: /\{[^}]+\}/, type: 'resourceTemplate' as const }),
  Object.freeze({ methods: Object.freeze(['GET']), type: 'resource' as const }),
]);

const matches = (rule: RouteMap, op: Operation): boolean => {
  if (rule.methods && rule.methods !== '*' && !rule.methods.some((m) => m.toLowerCase() === op.method)) return false;
  if (rule.pattern !== undefined) {
    const pattern = typeof rule.pattern === 'string' ? new RegExp(rule.pattern) : rule.pattern;
    pattern.lastIndex = 0;
    if (!pattern.test(op.path)) return false;
  }
  if (rule.tags?.length && !rule.tags.every((tag) => op.tags.includes(tag))) return false;
  if (rule.operationIds && !(op.operationId && rule.operationIds.includes(op.operationId))) return false;
  return true;
};

/** The route of one operation: what it becomes and the extra tags it gets. */
export interface Route {
  readonly type: RouteType;
  readonly mcpTags: readonly string[];
}

/**
 * Decides what `op` becomes: the first matching rule of `maps`, else a tool.
 * A resource needs a GET; a resource template also needs path parameters; an
 * operation a rule cannot serve that way falls back to a tool.
 */
export const routeOf = (op: Operation, maps: readonly RouteMap[]): Route => {
  const rule = maps.find((candidate) => matches(candidate, op));
  if (!rule) return { type: 'tool', mcpTags: [] };
  const mcpTags = rule.mcpTags ?? [];
  const hasPathParams = op.parameters.some((p) => p.in === 'path');
  const isGet = (op.method as HttpMethod) === 'get';
  if (rule.type === 'resource' && !(isGet && !hasPathParams)) return { type: 'tool', mcpTags };
  if (rule.type === 'resourceTemplate' && !(isGet && hasPathParams)) return { type: 'tool', mcpTags };
  return { type: rule.type, mcpTags };
};
