import type { Context } from '../context/context.js';
import type { CallToolResult, Tool } from '../protocol/types.js';
import type { JsonObjectSchema } from '../schema/json-schema.js';
import { toolDefinition } from '../server/definitions.js';
import type { ServerOptions } from '../server/options.js';
import { firstAnswer, listAll, type Source } from '../server/source.js';
import { callResult } from '../tool/call-result.js';
import { runTool } from '../tool/run-tool.js';
import { tool } from '../tool/tool.js';
import { type TransformOptions, transform } from '../tool/transform.js';

// biome-ignore lint/suspicious/noExplicitAny: any tool
type AnyTool = ReturnType<typeof tool<any, any>>;

/**
 * Server-level transforms of mounted tools, applied at request time because
 * what a mount serves is only known then. A transformed tool is the mounted
 * one wrapped as a local tool (its schema as listed, its calls forwarded)
 * and then reshaped by `transform()`.
 */
const mountedTransforms = (
  callMounted: (ctx: Context, name: string, args: unknown) => Promise<CallToolResult | undefined>,
  transforms: Readonly<Record<string, TransformOptions>>,
) => {
  const wrap = (listed: Tool): AnyTool =>
    tool({
      name: listed.name,
      description: listed.description,
      inputSchema: listed.inputSchema as JsonObjectSchema,
      run: async (args, ctx) => callResult((await callMounted(ctx, listed.name, args)) ?? { content: [] }),
    });
  const transformed = (listed: Tool): AnyTool | undefined => {
    // Own keys only: a mounted server may list a tool named `constructor` or `toString`.
    const options = Object.hasOwn(transforms, listed.name) ? transforms[listed.name] : undefined;
    return options ? transform(wrap(listed), options) : undefined;
  };
  return {
    /** The list with transformed tools in place of the mounted originals. */
    list: (tools: readonly Tool[]): Tool[] =>
      tools.map((listed) => {
        const reshaped = transformed(listed);
        return reshaped ? toolDefinition(reshaped) : listed;
      }),
    /** The transformed tool a client calls by `name`, found among the listed tools. */
    find: (tools: readonly Tool[], name: string): AnyTool | undefined => {
      for (const listed of tools) {
        const reshaped = transformed(listed);
        if (reshaped?.name === name) return reshaped;
      }
      return undefined;
    },
    /** Whether `name` is an original that a transform renamed away (so it is no longer callable by that name). */
    hides: (name: string): boolean => {
      const options = Object.hasOwn(transforms, name) ? transforms[name] : undefined;
      return options?.name !== undefined && options.name !== name;
    },
  };
};

/**
 * The mounts as one {@link Source} whose tools are reshaped by server-level
 * transforms: a transformed tool is listed and called by its new name, and an
 * original a transform renamed is no longer callable by its old one.
 */
export const transformedMounts = (
  mounts: readonly Source[],
  transforms: Readonly<Record<string, TransformOptions>>,
  options: ServerOptions,
): Source => {
  const callMounted = (p: Readonly<Record<string, unknown>>, ctx: Context) =>
    firstAnswer(mounts, (source) => source.callTool(p, ctx));
  const reshape = mountedTransforms((ctx, name, args) => callMounted({ name, arguments: args }, ctx), transforms);
  return {
    list: async (kind, ctx) => {
      const items = await listAll(mounts, kind, ctx);
      return (kind === 'tool' ? reshape.list(items as readonly Tool[]) : items) as typeof items;
    },
    callTool: async (p, ctx) => {
      if (typeof p.name !== 'string') return undefined;
      const reshaped = reshape.find(await listAll(mounts, 'tool', ctx), p.name);
      if (reshaped) return runTool(reshaped, p.arguments, ctx, options);
      if (reshape.hides(p.name)) return undefined;
      return callMounted(p, ctx);
    },
    getPrompt: (p, ctx) => firstAnswer(mounts, (source) => source.getPrompt(p, ctx)),
    readResource: (uri, ctx) => firstAnswer(mounts, (source) => source.readResource(uri, ctx)),
    complete: (p, request, ctx) => firstAnswer(mounts, (source) => source.complete(p, request, ctx)),
  };
};
