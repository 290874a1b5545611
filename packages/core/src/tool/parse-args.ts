import { type RenameKey, validate } from '../schema/validate.js';
import { argumentsObject, parseStringifiedArgs } from './coerce-args.js';
import type { ToolDescriptor } from './tool.js';

/**
 * Validates a call's arguments against the tool's input schema, repairing
 * object or array arguments sent as JSON strings. Returns the parsed arguments,
 * or a message naming each bad field (by `rename`d names, when the client knows
 * them by other names).
 */
export const parseToolArgs = async (
  // biome-ignore lint/suspicious/noExplicitAny: any tool
  tool: ToolDescriptor<any, any>,
  raw: unknown,
  options: { readonly label?: string; readonly rename?: RenameKey } = {},
): Promise<Record<string, unknown> | string> => {
  const label = options.label ?? tool.name;
  const args = argumentsObject(raw);
  if (args === undefined) return `Invalid arguments for tool '${label}': expected an object`;
  if (!tool.input) return args;
  const first = await validate<Record<string, unknown>>(tool.input, args, options.rename);
  if (first.ok) return first.value;
  const reparsed = parseStringifiedArgs(args);
  if (reparsed) {
    const second = await validate<Record<string, unknown>>(tool.input, reparsed);
    if (second.ok) return second.value;
  }
  return `Invalid arguments for tool '${label}': ${first.message}`;
};
