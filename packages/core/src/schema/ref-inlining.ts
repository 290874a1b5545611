import { DefinitionError } from '../errors/errors.js';

/**
 * How far `$ref`s are inlined in the JSON Schemas tools are listed with
 * (several MCP clients fail on references, so none are sent).
 */
export interface RefInlining {
  /** How many times one definition may be opened inside itself before a recursive branch is cut. Default 3. */
  readonly maxDepth?: number;
  /** How many references one schema may expand in all before further ones are cut. Default 1000. */
  readonly maxExpansions?: number;
}

/** The bounds when none are given: 3 levels of recursion, 1000 expansions a schema. */
export const DEFAULT_REF_INLINING: Required<RefInlining> = Object.freeze({ maxDepth: 3, maxExpansions: 1000 });

const KEYS = new Set(['maxDepth', 'maxExpansions']);

const positiveInteger = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

/**
 * Checks `refInlining` bounds (`what` names their owner in the error) and
 * fills in the defaults. Each bound must be a positive integer; anything else
 * fails at definition.
 */
export const refInlining = (given: RefInlining | undefined, what: string): Required<RefInlining> => {
  if (given === undefined) return DEFAULT_REF_INLINING;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new DefinitionError(`${what}: refInlining must be an object ({ maxDepth?, maxExpansions? })`);
  }
  for (const key of Object.keys(given)) {
    if (!KEYS.has(key)) {
      throw new DefinitionError(`${what}: unknown refInlining key '${key}' (expected maxDepth, maxExpansions)`);
    }
  }
  const bounds = { ...DEFAULT_REF_INLINING, ...given };
  for (const key of KEYS) {
    const value = bounds[key as keyof RefInlining];
    if (!positiveInteger(value)) {
      throw new DefinitionError(`${what}: refInlining.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  return Object.freeze(bounds);
};
