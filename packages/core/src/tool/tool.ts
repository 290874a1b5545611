import { type ToolUi, withToolUi } from '../apps/tool-ui.js';
import { accessCheck } from '../context/auth.js';
import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type { InputRequired } from '../input/input-required.js';
import type { Icon, ToolAnnotations } from '../protocol/types.js';
import type { AnySchema, InputOf, OutputOf } from '../schema/any-schema.js';
import type { JsonObjectSchema } from '../schema/json-schema.js';
import { type RefInlining, refInlining } from '../schema/ref-inlining.js';
import type { CommonOptions, ComponentBase } from '../server/component-base.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import { assertToolName } from './tool-name.js';
import { checkedSchema, defineSchemas, type ToolSchemas } from './tool-schemas.js';

/** The arguments `run` receives: the parsed `input`, or the raw arguments object without one. */
export type ToolArgs<TInput> = OutputOf<TInput, Record<string, unknown>>;

/** What `run` may return: the `output` schema's input type, or anything without one. */
export type ToolReturn<TOutput> = TOutput extends AnySchema ? InputOf<TOutput, unknown> | InputRequired : unknown;

/** What you pass to {@link tool}. */
export interface ToolOptions<TInput extends AnySchema | undefined, TOutput extends AnySchema | undefined>
  extends CommonOptions {
  /** 1-128 characters of `[A-Za-z0-9_.-]`. */
  readonly name: string;
  /** An object schema for the arguments: valibot, or any Standard Schema library that produces JSON Schema. */
  readonly input?: TInput;
  /** A schema for the result (valibot or any Standard Schema with JSON Schema); enables `outputSchema` and `structuredContent`. */
  readonly output?: TOutput;
  /**
   * A hand-written JSON Schema for the arguments, instead of `input` (for tools
   * whose schema comes from elsewhere, such as a proxied server). Arguments are
   * then passed to `run` unvalidated.
   */
  readonly inputSchema?: JsonObjectSchema;
  /** A hand-written JSON Schema for the result, instead of `output`; advertised, not enforced. */
  readonly outputSchema?: JsonObjectSchema;
  readonly annotations?: ToolAnnotations;
  /** Aborts `ctx.signal` and fails the call after this many milliseconds. */
  readonly timeoutMs?: number;
  /** The MIME type of raw bytes (`Uint8Array`) the tool returns; image/* and audio/* become image and audio content. */
  readonly mimeType?: string;
  /**
   * Bounds of the `$ref` inlining in this tool's listed schemas (recursion
   * depth, expansions in all); wins over the server's `refInlining`. Default
   * `{ maxDepth: 3, maxExpansions: 1000 }`.
   */
  readonly refInlining?: RefInlining;
  /** MCP Apps: the view (`ui://` resource) hosts render the results in, and who may call the tool; sent as `_meta.ui`. */
  readonly ui?: ToolUi;
  /** The handler; sync or async. */
  readonly run: (args: ToolArgs<TInput>, ctx: Context) => MaybePromise<ToolReturn<TOutput>>;
}

/** A tool: an immutable descriptor made by {@link tool}. */
export interface ToolDescriptor<
  TInput extends AnySchema | undefined = undefined,
  TOutput extends AnySchema | undefined = undefined,
> extends ComponentBase {
  readonly kind: 'tool';
  readonly name: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly input: TInput;
  readonly output: TOutput;
  /** The JSON Schema of `input`, always `type: "object"`. */
  readonly inputSchema: JsonObjectSchema;
  /** The JSON Schema of `output` (wrapped as `{ result }` when `output` is not an object). */
  readonly outputSchema: JsonObjectSchema | undefined;
  /** True when a non-object output is sent as `structuredContent: { result }`. */
  readonly wrapsOutput: boolean;
  readonly annotations: ToolAnnotations | undefined;
  readonly icons: readonly Icon[] | undefined;
  readonly timeoutMs: number | undefined;
  readonly mimeType: string | undefined;
  readonly run: (args: ToolArgs<TInput>, ctx: Context) => MaybePromise<ToolReturn<TOutput>>;
  /**
   * Internal (an ordinary `~` member, as valibot's): on a tool whose valibot
   * schemas convert on first read, the conversion (made once) that the
   * `inputSchema`, `outputSchema` and `wrapsOutput` accessors read. Read those
   * fields, not this: a spread copy has them as plain fields (the spread reads
   * them) and may carry its original's `~schemas` along.
   */
  readonly '~schemas'?: () => ToolSchemas;
  /**
   * Internal. On a tool whose library schemas hold `$ref`s and that set no
   * `refInlining` of its own: its listed schemas inlined to a server's
   * `refInlining` bounds instead of the defaults (what `createServer` lists).
   * A `transform()`ed copy, which lists a schema of its own, has none.
   */
  readonly '~schemasWithin'?: (bounds: Required<RefInlining>) => ToolSchemas;
  /** Phantom field for type inference; never set. */
  readonly '~types'?: { readonly args: ToolArgs<TInput>; readonly result: ToolReturn<TOutput> };
}

const NO_TAGS: readonly string[] = Object.freeze([]);

/**
 * Declares a tool. Returns a frozen descriptor (its own data deeply frozen);
 * nothing is registered until the descriptor is passed to `createServer()`.
 * The JSON Schemas are converted when first read, then kept; a schema that
 * is not plainly convertible is converted at once, so mistakes fail here.
 *
 * @example
 * const add = tool({
 *   name: 'add',
 *   input: v.object({ a: v.number(), b: v.number() }),
 *   run: ({ a, b }) => a + b,
 * });
 */
export const tool = <
  TInput extends AnySchema | undefined = undefined,
  TOutput extends AnySchema | undefined = undefined,
>(
  options: ToolOptions<TInput, TOutput>,
): ToolDescriptor<TInput, TOutput> => {
  assertToolName(options.name, 'Tool');
  const { name } = options;
  if (typeof options.run !== 'function') throw new DefinitionError(`Tool '${name}' needs a run function`);
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new DefinitionError(`Tool '${name}': timeoutMs must be a positive number`);
  }
  if (options.input && options.inputSchema) {
    throw new DefinitionError(`Tool '${name}': give input or inputSchema, not both`);
  }
  if (options.output && options.outputSchema) {
    throw new DefinitionError(`Tool '${name}': give output or outputSchema, not both`);
  }
  const descriptor = {
    kind: 'tool',
    name: options.name,
    title: options.title,
    description: options.description,
    input: options.input,
    output: options.output,
    annotations: options.annotations && deepFreeze(options.annotations),
    icons: options.icons && deepFreeze(options.icons),
    tags: options.tags ? deepFreeze(options.tags) : NO_TAGS,
    access: accessCheck(options),
    meta: options.meta || options.ui ? deepFreeze(withToolUi(options.meta, options.ui, name)) : undefined,
    timeoutMs: options.timeoutMs,
    mimeType: options.mimeType,
    run: options.run,
  };
  // The JSON Schemas are converted on first read (tools/list), once. The descriptor's own data is frozen
  // deeply; the schemas and functions are the caller's and left as they are.
  defineSchemas(descriptor, {
    name,
    input: options.input,
    output: options.output,
    inputSchema: checkedSchema(options.inputSchema, name, 'inputSchema'),
    outputSchema: checkedSchema(options.outputSchema, name, 'outputSchema'),
    refInlining: options.refInlining === undefined ? undefined : refInlining(options.refInlining, `Tool '${name}'`),
  });
  return Object.freeze(descriptor) as unknown as ToolDescriptor<TInput, TOutput>;
};
