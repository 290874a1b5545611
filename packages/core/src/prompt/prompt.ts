import { accessCheck } from '../context/auth.js';
import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type { InputRequired } from '../input/input-required.js';
import type { ContentBlock, Icon } from '../protocol/types.js';
import type { Completer } from '../resource/resource.js';
import type { AnySchema, OutputOf } from '../schema/any-schema.js';
import { type JsonObjectSchema, toJsonObject } from '../schema/json-schema.js';
import type { CommonOptions, ComponentBase } from '../server/component-base.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import type { MaybePromise } from '../utils/maybe-promise.js';

/** One message a prompt renders; a string `content` is text. */
export interface PromptMessageInput {
  readonly role: 'user' | 'assistant';
  readonly content: string | ContentBlock;
}

/** What `render` may return: a string (one user message), a message, or a list of either. */
export type PromptReturn = string | PromptMessageInput | readonly (string | PromptMessageInput)[] | InputRequired;

/** The arguments `render` receives: the `args` schema's output, or an empty object without one. */
export type PromptArgs<TArgs> = OutputOf<TArgs, Record<string, never>>;

/** A prompt argument as listed to clients. */
export interface PromptArgument {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly required: boolean;
}

/** What you pass to {@link prompt}. */
export interface PromptOptions<TArgs extends AnySchema | undefined> extends CommonOptions {
  readonly name: string;
  /** An object schema (valibot or any Standard Schema with JSON Schema); clients send every argument as a string, decoded before validation. */
  readonly args?: TArgs;
  /** Completions per argument. */
  readonly complete?: Readonly<Partial<Record<keyof PromptArgs<TArgs> & string, Completer>>>;
  readonly render: (args: PromptArgs<TArgs>, ctx: Context) => MaybePromise<PromptReturn>;
}

/** A prompt: an immutable descriptor made by {@link prompt}. */
export interface PromptDescriptor<TArgs extends AnySchema | undefined = undefined> extends ComponentBase {
  readonly kind: 'prompt';
  readonly name: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly icons: readonly Icon[] | undefined;
  readonly args: TArgs;
  /** The JSON Schema of `args`. */
  readonly argsSchema: JsonObjectSchema | undefined;
  /** The arguments as `prompts/list` shows them. */
  readonly arguments: readonly PromptArgument[];
  readonly complete: Readonly<Record<string, Completer>> | undefined;
  readonly render: (args: PromptArgs<TArgs>, ctx: Context) => MaybePromise<PromptReturn>;
  /** Phantom field for type inference; never set. */
  readonly '~types'?: { readonly args: PromptArgs<TArgs> };
}

const argumentsOf = (schema: JsonObjectSchema): PromptArgument[] => {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    ...(typeof property.title === 'string' && { title: property.title }),
    ...(typeof property.description === 'string' && { description: property.description }),
    required: required.has(name),
  }));
};

/**
 * Declares a prompt. Returns a deeply frozen descriptor.
 *
 * @example
 * const review = prompt({
 *   name: 'review',
 *   args: v.object({ code: v.string() }),
 *   render: ({ code }) => `Review this code:\n${code}`,
 * });
 */
export const prompt = <TArgs extends AnySchema | undefined = undefined>(
  options: PromptOptions<TArgs>,
): PromptDescriptor<TArgs> => {
  const { name } = options;
  if (typeof name !== 'string' || name.length === 0) throw new DefinitionError('A prompt needs a non-empty name');
  if (typeof options.render !== 'function') throw new DefinitionError(`Prompt '${name}' needs a render function`);
  const argsSchema = options.args ? toJsonObject(options.args, `Prompt '${name}' args`) : undefined;
  const args = argsSchema ? argumentsOf(argsSchema) : [];
  for (const key of Object.keys(options.complete ?? {})) {
    if (!args.some((a) => a.name === key))
      throw new DefinitionError(`Prompt '${name}': cannot complete unknown argument '${key}'`);
  }
  // The descriptor's own data is frozen deeply; the schema (any library's) is the caller's and left as it is.
  const data = deepFreeze({
    kind: 'prompt' as const,
    name,
    title: options.title,
    description: options.description,
    icons: options.icons,
    tags: options.tags ?? [],
    access: accessCheck(options),
    meta: options.meta,
    argsSchema,
    arguments: args,
    complete: options.complete as Record<string, Completer> | undefined,
    render: options.render,
  });
  return Object.freeze({ ...data, args: options.args as TArgs });
};
