import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import { inModule } from '../middleware/module-middleware.js';
import type { CompleteResult } from '../protocol/types.js';
import type { Completer } from '../resource/resource.js';
import type { JsonObjectSchema } from '../schema/json-schema.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import { quoteInput } from '../utils/quote-input.js';
import { handlerError } from './handler-error.js';
import type { ServerOptions } from './options.js';
import type { Registry } from './registry.js';
import type { CompletionRequest } from './source.js';
import { isVisible } from './visibility.js';

export type { CompletionRef } from '../mount/provider.js';

const MAX_VALUES = 100;

/** A completer from an `enum` (valibot `picklist`) in the schema, when none was given. */
const enumCompleter = (schema: JsonObjectSchema | undefined, name: string): Completer | undefined => {
  const values = schema?.properties?.[name]?.enum;
  if (!Array.isArray(values)) return undefined;
  return (value) => values.map(String).filter((option) => option.startsWith(value));
};

/** The server's own prompt or template a checked ref names, if this request may see it. */
const target = (registry: Registry, ref: Readonly<Record<string, unknown>>, ctx: Context) => {
  if (ref.type === 'ref/prompt') {
    const entry = registry.prompts.get(String(ref.name));
    if (!entry || !isVisible(ctx, entry.descriptor)) return undefined;
    return { completers: entry.descriptor.complete, schema: entry.descriptor.argsSchema, component: entry.descriptor };
  }
  const entry = registry.templates.get(String(ref.uri));
  if (entry && isVisible(ctx, entry.descriptor)) {
    return {
      completers: entry.descriptor.complete,
      schema: entry.descriptor.paramsSchema,
      component: entry.descriptor,
    };
  }
  const exact = registry.resources.get(String(ref.uri));
  if (exact && isVisible(ctx, exact.descriptor))
    return { completers: undefined, schema: undefined, component: undefined };
  return undefined;
};

/**
 * Checks a `completion/complete` request's params; what it names (a prompt
 * or template) is looked up by the sources. Malformed params and an unknown
 * ref type are invalid params.
 */
export const completionRequest = (params: Readonly<Record<string, unknown>>): CompletionRequest => {
  const argument = params.argument;
  if (!isPlainObject(argument) || typeof argument.name !== 'string') {
    throw invalidParams('completion/complete needs argument: { name, value }');
  }
  const value = typeof argument.value === 'string' ? argument.value : '';
  const context =
    isPlainObject(params.context) && isPlainObject(params.context.arguments) ? params.context.arguments : {};
  const ref = params.ref;
  if (!isPlainObject(ref)) throw invalidParams('completion/complete needs a ref object');
  if (ref.type !== 'ref/prompt' && ref.type !== 'ref/resource') {
    throw invalidParams(`Unknown completion ref type: ${quoteInput(ref.type)}`);
  }
  return { ref, argument: { name: argument.name, value }, context: context as Record<string, string> };
};

/** The error for a ref no source has. */
export const unknownRef = (ref: Readonly<Record<string, unknown>>) =>
  ref.type === 'ref/prompt'
    ? invalidParams(`Unknown prompt: ${quoteInput(ref.name)}`)
    : invalidParams(`Unknown resource template: ${quoteInput(ref.uri)}`);

/**
 * Completes against one of the server's own prompts or templates (undefined
 * when it has none the ref names): the argument's completer, or the values of
 * an enum in its schema filtered by prefix. At most 100 values are returned,
 * with `total` and `hasMore` telling how many there were.
 */
export const complete = async (
  registry: Registry,
  params: Readonly<Record<string, unknown>>,
  { ref, argument, context }: CompletionRequest,
  ctx: Context,
  options: ServerOptions,
): Promise<CompleteResult | undefined> => {
  const found = target(registry, ref, ctx);
  if (!found) return undefined;
  const { completers, schema } = found;
  // Own keys only: a client naming `constructor` or `toString` must not reach Object.prototype.
  const own = completers && Object.hasOwn(completers, argument.name) ? completers[argument.name] : undefined;
  const completer = own ?? enumCompleter(schema, argument.name);
  if (!completer) return { completion: { values: [], hasMore: false } };
  const run = async (): Promise<CompleteResult> => {
    let values: readonly string[];
    try {
      values = await completer(argument.value, { arguments: context as Record<string, string> });
    } catch (error) {
      throw handlerError(error, `completing '${argument.name}'`, options.maskErrorDetails);
    }
    return {
      completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES },
    };
  };
  const { component } = found;
  return component ? ((await inModule(component, 'completion/complete', params, ctx, run)) as CompleteResult) : run();
};
