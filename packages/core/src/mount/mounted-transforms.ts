import type { Tool } from '../protocol/types.js';
import type { JsonObjectSchema } from '../schema/json-schema.js';
import { toolDefinition } from '../server/definitions.js';
import { callResult } from '../tool/call-result.js';
import { tool } from '../tool/tool.js';
import { type TransformOptions, transform } from '../tool/transform.js';
import type { MountDescriptor } from './mount.js';
import { callMountedTool } from './mounted-methods.js';

// biome-ignore lint/suspicious/noExplicitAny: any tool
type AnyTool = ReturnType<typeof tool<any, any>>;

/**
 * Server-level transforms of mounted tools, applied at request time because
 * what a mount serves is only known then. A transformed tool is the mounted
 * one wrapped as a local tool (its schema as listed, its calls forwarded)
 * and then reshaped by `transform()`.
 */
export const mountedTransforms = (
  mounts: readonly MountDescriptor[],
  transforms: Readonly<Record<string, TransformOptions>>,
) => {
  const wrap = (listed: Tool): AnyTool =>
    tool({
      name: listed.name,
      description: listed.description,
      inputSchema: listed.inputSchema as JsonObjectSchema,
      run: async (args, ctx) => callResult((await callMountedTool(mounts, ctx, listed.name, args)) ?? { content: [] }),
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

export type MountedTransforms = ReturnType<typeof mountedTransforms>;
