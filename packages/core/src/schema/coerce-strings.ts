import type { JsonObjectSchema, JsonSchema } from './json-schema.js';

const acceptsString = (schema: JsonSchema | undefined): boolean => {
  if (!schema || schema.type === undefined) {
    const options = (schema?.anyOf ?? schema?.oneOf) as JsonSchema[] | undefined;
    if (options) return options.some(acceptsString);
    if (schema?.enum) return (schema.enum as unknown[]).some((e) => typeof e === 'string');
    return true;
  }
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text; // leave it to validation to report
  }
};

/**
 * Turns string values (URI template variables, prompt arguments) into what the
 * schema asks for: strings stay strings, a multi-segment value becomes an
 * array of segments where an array is wanted, anything else is read as JSON
 * (`"42"` → 42, `"true"` → true). Absent values are dropped.
 */
export const coerceStrings = (
  values: Readonly<Record<string, string | undefined>>,
  schema: JsonObjectSchema | undefined,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const property = schema?.properties?.[key];
    if (acceptsString(property)) out[key] = value;
    else if (property?.type === 'array' && !value.trimStart().startsWith('[')) out[key] = value.split('/');
    else out[key] = parse(value);
  }
  return out;
};
