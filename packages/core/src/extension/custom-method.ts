import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type { RequestResult } from '../middleware/middleware.js';
import type { AnySchema, OutputOf } from '../schema/any-schema.js';
import type { MaybePromise } from '../utils/maybe-promise.js';

/** What a custom method's handler may return: a result object, or nothing (an empty result). */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is typed void
export type CustomMethodResult = MaybePromise<RequestResult | undefined | void>;

/** A custom request method's handler: its params (validated when a schema is given) and the request's context. */
export type CustomMethodHandler<TParams = Readonly<Record<string, unknown>>> = (
  params: TParams,
  ctx: Context,
) => CustomMethodResult;

/** A custom request method, as {@link customMethod} makes it. */
export interface CustomMethodDescriptor<TSchema extends AnySchema | undefined = undefined> {
  readonly kind: 'method';
  /** Validates the params (without `_meta`); a failure is answered with -32602 naming the fields. */
  readonly params: TSchema;
  readonly handler: CustomMethodHandler<OutputOf<TSchema, Readonly<Record<string, unknown>>>>;
}

/** A custom method as `createServer`'s `methods` option takes it: a bare handler, or {@link customMethod}'s descriptor. */
export type CustomMethod =
  | CustomMethodHandler
  // biome-ignore lint/suspicious/noExplicitAny: any params schema
  | CustomMethodDescriptor<any>;

/**
 * A custom request method with validated params, for `createServer`'s
 * `methods` option. The handler gets the parsed params (`_meta` is left out
 * of validation; read it as `ctx.meta`) and runs through the server's
 * middleware like any built-in method.
 *
 * @example
 * createServer(info, components, {
 *   methods: {
 *     'com.example/echo': customMethod({
 *       params: v.object({ text: v.string() }),
 *       handler: ({ text }) => ({ text }),
 *     }),
 *   },
 * });
 */
export const customMethod = <TSchema extends AnySchema | undefined = undefined>(definition: {
  readonly params?: TSchema;
  readonly handler: CustomMethodDescriptor<TSchema>['handler'];
}): CustomMethodDescriptor<TSchema> => {
  if (typeof definition?.handler !== 'function') throw new DefinitionError('customMethod() needs a handler function');
  return Object.freeze({ kind: 'method', params: definition.params as TSchema, handler: definition.handler });
};
