import type { Operation } from './operations.js';

/** Longest name made from a document, leaving room for a mount namespace within MCP's 128 characters. */
const MAX_NAME = 64;

/** Reduces text to MCP's name alphabet (`[A-Za-z0-9_.-]`), with runs of anything else as one `_`. */
export const sanitiseName = (raw: string): string => {
  const cleaned = raw
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  return cleaned.slice(0, MAX_NAME).replace(/[_.-]+$/, '') || 'operation';
};

/** The key that names an operation in `names` overrides: `METHOD /path`. */
export const routeKey = (op: Operation): string => `${op.method.toUpperCase()} ${op.path}`;

/** The name an operation gets before deduplication: its override, its operationId, or method and path. */
const baseName = (op: Operation, overrides: Readonly<Record<string, string>>): string => {
  const override = (op.operationId && overrides[op.operationId]) ?? overrides[routeKey(op)];
  if (override !== undefined) return override;
  return sanitiseName(op.operationId ?? `${op.method}_${op.path.replace(/[{}]/g, '')}`);
};

/**
 * Names every operation: overrides (by operationId or `METHOD /path`) as
 * given, else the operationId, else method and path, sanitised to the MCP
 * name rule and cut to 64 characters. A repeated name gets `_2`, `_3`, ... in
 * document order.
 */
export const nameOperations = (
  operations: readonly Operation[],
  overrides: Readonly<Record<string, string>> = {},
): string[] => {
  const taken = new Set<string>();
  return operations.map((op) => {
    const base = baseName(op, overrides);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX_NAME - String(n).length - 1)}_${n}`;
    taken.add(name);
    return name;
  });
};
