import type * as v from 'valibot';
import type { StandardSchemaV1 } from './standard-schema.js';

/** Any valibot schema, sync or async. */
// biome-ignore lint/suspicious/noExplicitAny: the widest schema type, narrowed by inference at each use
export type ValibotSchema = v.GenericSchema<any, any> | v.GenericSchemaAsync<any, any>;

/**
 * Any schema mcpkit accepts: a valibot schema (the default), or any Standard
 * Schema v1 value that can produce JSON Schema (zod 4, ArkType, …).
 */
// biome-ignore lint/suspicious/noExplicitAny: the widest schema type, narrowed by inference at each use
export type AnySchema = ValibotSchema | StandardSchemaV1<any, any>;

/** The output type of an optional schema, or `fallback` when there is none. */
export type OutputOf<TSchema, TFallback> = TSchema extends ValibotSchema
  ? v.InferOutput<TSchema>
  : TSchema extends StandardSchemaV1
    ? StandardSchemaV1.InferOutput<TSchema>
    : TFallback;

/** The input type of an optional schema, or `fallback` when there is none. */
export type InputOf<TSchema, TFallback> = TSchema extends ValibotSchema
  ? v.InferInput<TSchema>
  : TSchema extends StandardSchemaV1
    ? StandardSchemaV1.InferInput<TSchema>
    : TFallback;
