import { UsageError } from './usage-error.js';

type PropertySchema = { readonly type?: unknown; readonly enum?: readonly unknown[]; readonly const?: unknown };

/** Whether the JSON Schema of a property takes only strings, so its value must stay text (`zip=01234`). */
const wantsString = (schema: PropertySchema | undefined): boolean => {
  if (!schema) return false;
  if (schema.type === 'string') return true;
  if (Array.isArray(schema.type)) return schema.type.length > 0 && schema.type.every((type) => type === 'string');
  const choices = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  return choices?.every((choice) => typeof choice === 'string') ?? false;
};

const jsonOrText = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/**
 * `key=value` command-line arguments as an arguments object. With the
 * target's JSON Schema, a value stays a string where the property is a
 * string, and is read as JSON elsewhere (`a=1` → 1, `tags=["x"]`, `on=true`);
 * a value that is not JSON stays a string. `key:=json` always reads JSON.
 * Without a schema (prompts: strings only) every value is a string.
 */
export const parseKeyValues = (
  pairs: readonly string[],
  command: string,
  properties?: Readonly<Record<string, PropertySchema>>,
): Record<string, unknown> => {
  const args: Record<string, unknown> = {};
  for (const pair of pairs) {
    const match = /^([^=:]+)(:?=)([\s\S]*)$/.exec(pair);
    if (!match) throw new UsageError(`Expected key=value (or key:=json), got '${pair}'`, command);
    const [, key, operator, value] = match as unknown as [string, string, string, string];
    if (operator === ':=') {
      try {
        args[key] = JSON.parse(value);
      } catch (error) {
        throw new UsageError(`${key}:= needs JSON: ${(error as Error).message}`, command);
      }
    } else {
      args[key] = properties === undefined || wantsString(properties[key]) ? value : jsonOrText(value);
    }
  }
  return args;
};
