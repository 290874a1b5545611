import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import { inModule } from '../middleware/module-middleware.js';
import { completeMounted } from '../mount/mounted-methods.js';
import type { CompleteResult } from '../protocol/types.js';
import type { Completer } from '../resource/resource.js';
import type { JsonObjectSchema } from '../schema/json-schema.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import { quoteInput } from '../utils/quote-input.js';
import { handlerError } from './handler-error.js';
import type { ServerOptions } from './options.js';
import type { Registry } from './registry.js';
import { isVisible } from './visibility.js';

/** What `completion/complete` names: a prompt or a resource template. */
export type CompletionRef =
  | { readonly type: 'ref/prompt'; readonly name: string }
  | { readonly type: 'ref/resource'; readonly uri: string };

const MAX_VALUES = 100;

/** A completer from an `enum` (valibot `picklist`) in the schema, when none was given. */
const enumCompleter = (schema: JsonObjectSchema | undefined, name: string): Completer | undefined => {
  const values = schema?.properties?.[name]?.enum;
  if (!Array.isArray(values)) return undefined;
  return (value) => values.map(String).filter((option) => option.startsWith(value));
};

const target = (registry: Registry, ref: unknown, ctx: Context) => {
  if (!isPlainObject(ref)) throw invalidParams('completion/complete needs a ref object');
  if (ref.type === 'ref/prompt') {
    const entry = registry.prompts.get(String(ref.name));
    if (!entry || !isVisible(ctx, entry.descriptor)) throw invalidParams(`Unknown prompt: ${quoteInput(ref.name)}`);
    return { completers: entry.descriptor.complete, schema: entry.descriptor.argsSchema, component: entry.descriptor };
  }
  if (ref.type === 'ref/resource') {
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
    throw invalidParams(`Unknown resource template: ${quoteInput(ref.uri)}`);
  }
  throw invalidParams(`Unknown completion ref type: ${quoteInput(ref.type)}`);
};

/**
 * Answers `completion/complete`: the argument's completer, or the values of an
 * enum in its schema filtered by prefix. At most 100 values are returned, with
 * `total` and `hasMore` telling how many there were.
 */
export const complete = async (
  registry: Registry,
  params: Readonly<Record<string, unknown>>,
  ctx: Context,
  options: ServerOptions,
): Promise<CompleteResult> => {
  const argument = params.argument;
  if (!isPlainObject(argument) || typeof argument.name !== 'string') {
    throw invalidParams('completion/complete needs argument: { name, value }');
  }
  const value = typeof argument.value === 'string' ? argument.value : '';
  const context =
    isPlainObject(params.context) && isPlainObject(params.context.arguments) ? params.context.arguments : {};
  let found: ReturnType<typeof target>;
  try {
    found = target(registry, params.ref, ctx);
  } catch (error) {
    const mounted = registry.mounts.length
      ? await completeMounted(
          registry.mounts,
          ctx,
          params.ref as CompletionRef,
          { name: argument.name, value },
          {
            arguments: context as Record<string, string>,
          },
        )
      : undefined;
    if (mounted) return mounted;
    throw error;
  }
  const { completers, schema } = found;
  // Own keys only: a client naming `constructor` or `toString` must not reach Object.prototype.
  const own = completers && Object.hasOwn(completers, argument.name) ? completers[argument.name] : undefined;
  const completer = own ?? enumCompleter(schema, argument.name);
  if (!completer) return { completion: { values: [], hasMore: false } };
  const run = async (): Promise<CompleteResult> => {
    let values: readonly string[];
    try {
      values = await completer(value, { arguments: context as Record<string, string> });
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
