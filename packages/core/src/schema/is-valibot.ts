import type { AnySchema, ValibotSchema } from './any-schema.js';

/** True for a valibot schema, told by shape (valibot's Standard Schema vendor and its `kind`). */
export const isValibot = (schema: AnySchema): schema is ValibotSchema =>
  schema['~standard']?.vendor === 'valibot' && (schema as { kind?: unknown }).kind === 'schema';
