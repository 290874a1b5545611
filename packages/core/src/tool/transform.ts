import type { Context } from '../context/context.js';
import { DefinitionError, ToolError } from '../errors/errors.js';
import type { Icon, ToolAnnotations } from '../protocol/types.js';
import type { JsonObjectSchema, JsonSchema } from '../schema/json-schema.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import { parseToolArgs } from './parse-args.js';
import type { ToolDescriptor } from './tool.js';
import { assertToolName } from './tool-name.js';

/** How one argument of the original tool changes. Keyed by its original name. */
export interface ArgTransform {
  /** The name clients use instead. */
  readonly name?: string;
  readonly description?: string;
  /** Used when the client omits the argument; makes it optional in the schema. */
  readonly default?: unknown;
  /** Removes the argument from the schema; it takes its `default` (or is omitted when there is none). */
  readonly hide?: boolean;
}

/** Calls the original tool with arguments named as the transformed tool names them; resolves to what it returned. */
export type Forward = (args: Record<string, unknown>) => Promise<unknown>;

/** What you pass to {@link transform}. */
export interface TransformOptions {
  readonly name?: string;
  readonly title?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly annotations?: ToolAnnotations;
  readonly icons?: readonly Icon[];
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly args?: Readonly<Record<string, ArgTransform>>;
  /** Replaces the behaviour; call `forward(args)` to run the original. */
  readonly run?: (args: Record<string, unknown>, forward: Forward, ctx: Context) => MaybePromise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: transforms tools of any type
type AnyTool = ToolDescriptor<any, any>;

const checkArgs = (tool: AnyTool, args: Readonly<Record<string, ArgTransform>>, label: string) => {
  const properties = tool.inputSchema.properties ?? {};
  const required = new Set(tool.inputSchema.required ?? []);
  const names = new Set<string>();
  for (const [original, change] of Object.entries(args)) {
    if (!(original in properties))
      throw new DefinitionError(`${label}: the original tool has no argument '${original}'`);
    if (change.hide && required.has(original) && change.default === undefined) {
      throw new DefinitionError(`${label}: hidden argument '${original}' is required, so it needs a default`);
    }
  }
  for (const original of Object.keys(properties)) {
    const change = args[original];
    if (change?.hide) continue;
    const name = change?.name ?? original;
    if (names.has(name)) throw new DefinitionError(`${label}: two arguments would be named '${name}'`);
    names.add(name);
  }
};

/** The schema clients see: renamed, re-described, defaulted and hidden arguments applied. */
const transformedSchema = (
  schema: JsonObjectSchema,
  args: Readonly<Record<string, ArgTransform>>,
): JsonObjectSchema => {
  const required = new Set(schema.required ?? []);
  const properties: Record<string, JsonSchema> = {};
  const stillRequired: string[] = [];
  for (const [original, property] of Object.entries(schema.properties ?? {})) {
    const change = args[original];
    if (change?.hide) continue;
    const name = change?.name ?? original;
    properties[name] = {
      ...property,
      ...(change?.description !== undefined && { description: change.description }),
      ...(change?.default !== undefined && { default: change.default }),
    };
    if (required.has(original) && change?.default === undefined) stillRequired.push(name);
  }
  const { required: _, ...rest } = schema;
  return { ...rest, type: 'object', properties, ...(stillRequired.length && { required: stillRequired }) };
};

/**
 * Makes a new tool from an existing one (local or proxied): a new name,
 * description, tags or annotations; per argument a new name, description,
 * default, or hidden with a fixed value; and optionally new behaviour that can
 * still `forward()` to the original. The schema clients see matches what the
 * new tool accepts; the original's output schema and timeout carry over.
 *
 * @example
 * const search = transform(rawSearch, {
 *   name: 'find_issues',
 *   args: { q: { name: 'query', description: 'What to look for' }, limit: { hide: true, default: 10 } },
 * });
 */
export const transform = (original: AnyTool, options: TransformOptions): AnyTool => {
  const name = options.name ?? original.name;
  assertToolName(name, 'Transformed tool');
  const label = `transform(${original.name} → ${name})`;
  const args = options.args ?? {};
  checkArgs(original, args, label);
  const newNames = new Map(Object.entries(args).map(([from, change]) => [from, change.name ?? from]));
  const originalNames = new Map([...newNames].map(([from, to]) => [to, from]));

  /** Maps arguments named the new way back to the original's names, filling defaults and hidden values. */
  const toOriginal = (given: Record<string, unknown>): Record<string, unknown> => {
    const mapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      const from = originalNames.get(key) ?? key;
      if (!args[from]?.hide) mapped[from] = value;
    }
    for (const [from, change] of Object.entries(args)) {
      if (mapped[from] === undefined && change.default !== undefined) mapped[from] = change.default;
    }
    return mapped;
  };

  const forwardFor =
    (ctx: Context): Forward =>
    async (given) => {
      const parsed = await parseToolArgs(original, toOriginal(given), {
        label: name,
        rename: (key) => newNames.get(key) ?? key,
      });
      if (typeof parsed === 'string') throw new ToolError(parsed);
      return original.run(parsed, ctx);
    };

  // Spreading reads the original's schemas; the new input schema is this tool's own, so it is frozen here.
  return Object.freeze({
    ...original,
    name,
    title: options.title ?? original.title,
    description: options.description ?? original.description,
    tags: options.tags ? deepFreeze(options.tags) : original.tags,
    annotations: options.annotations ? deepFreeze(options.annotations) : original.annotations,
    icons: options.icons ? deepFreeze(options.icons) : original.icons,
    meta: options.meta ? deepFreeze(options.meta) : original.meta,
    input: undefined,
    inputSchema: deepFreeze(transformedSchema(original.inputSchema, args)),
    // Its listed input is its own: the original's re-inlining to a server's bounds no longer describes it.
    '~schemasWithin': undefined,
    run: (given: Record<string, unknown>, ctx: Context) =>
      options.run ? options.run(given, forwardFor(ctx), ctx) : forwardFor(ctx)(given),
  });
};
