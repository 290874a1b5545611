import * as v from 'valibot';
import { clipInput } from '../utils/quote-input.js';
import type { AnySchema } from './any-schema.js';
import { isValibot } from './is-valibot.js';
import { formatStandardIssues, type RenameKey } from './standard-issues.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/** The outcome of validating a value: the parsed output or a readable message. */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export type { RenameKey };

/** Formats valibot issues as `field: message; other.field: message`. */
export const formatIssues = (issues: readonly v.BaseIssue<unknown>[], rename?: RenameKey): string =>
  issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      // Messages quote the received value (a picklist miss, a literal): clip it.
      const message = clipInput(issue.message);
      if (!path) return message;
      const [head = '', ...rest] = path.split('.');
      return `${clipInput([rename ? rename(head) : head, ...rest].join('.'))}: ${message}`;
    })
    .join('; ');

const validateStandard = <T>(
  schema: StandardSchemaV1,
  value: unknown,
  rename?: RenameKey,
): Validation<T> | Promise<Validation<T>> => {
  const settle = (result: StandardSchemaV1.Result<unknown>): Validation<T> =>
    result.issues
      ? { ok: false, message: formatStandardIssues(result.issues, rename) }
      : { ok: true, value: result.value as T };
  const result = schema['~standard'].validate(value);
  return result instanceof Promise ? result.then(settle) : settle(result);
};

/**
 * Validates with a sync or async schema; sync schemas stay synchronous.
 * Valibot runs as valibot; any other Standard Schema through its `validate`.
 */
export const validate = <T>(
  schema: AnySchema,
  value: unknown,
  rename?: RenameKey,
): Validation<T> | Promise<Validation<T>> => {
  if (!isValibot(schema)) return validateStandard(schema, value, rename);
  const settle = (result: v.SafeParseResult<v.GenericSchema>): Validation<T> =>
    result.success
      ? { ok: true, value: result.output as T }
      : { ok: false, message: formatIssues(result.issues, rename) };
  return schema.async
    ? v
        .safeParseAsync(schema as v.GenericSchemaAsync, value)
        .then((r) => settle(r as v.SafeParseResult<v.GenericSchema>))
    : settle(v.safeParse(schema as v.GenericSchema, value));
};
