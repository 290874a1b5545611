import type * as v from 'valibot';

/** Any valibot schema, sync or async. */
// biome-ignore lint/suspicious/noExplicitAny: the widest schema type, narrowed by inference at each use
export type AnySchema = v.GenericSchema<any, any> | v.GenericSchemaAsync<any, any>;

/** The output type of an optional schema, or `fallback` when there is none. */
export type OutputOf<TSchema, TFallback> = TSchema extends AnySchema ? v.InferOutput<TSchema> : TFallback;

/** The input type of an optional schema, or `fallback` when there is none. */
export type InputOf<TSchema, TFallback> = TSchema extends AnySchema ? v.InferInput<TSchema> : TFallback;
