import { isPlainObject } from '../utils/is-plain-object.js';

const parseJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/**
 * Some clients send object or array arguments as JSON strings. Returns a copy
 * with such strings parsed, or undefined when there is nothing to parse; the
 * caller validates the copy and keeps it only if it then passes.
 */
export const parseStringifiedArgs = (args: Record<string, unknown>): Record<string, unknown> | undefined => {
  let changed = false;
  const entries = Object.entries(args).map(([key, value]): [string, unknown] => {
    const trimmed = typeof value === 'string' ? value.trim() : '';
    const parsed = trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(trimmed) : undefined;
    if (parsed === undefined || !(isPlainObject(parsed) || Array.isArray(parsed))) return [key, value];
    changed = true;
    return [key, parsed];
  });
  // fromEntries defines own keys: assigning a "__proto__" key would swap the copy's prototype.
  return changed ? Object.fromEntries(entries) : undefined;
};

/** The arguments object of a call: absent means `{}`, a JSON string is parsed. */
export const argumentsObject = (raw: unknown): Record<string, unknown> | undefined => {
  if (raw === undefined || raw === null) return {};
  const value = typeof raw === 'string' ? parseJson(raw) : raw;
  return isPlainObject(value) ? value : undefined;
};
