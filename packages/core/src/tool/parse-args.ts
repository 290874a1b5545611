import { type RenameKey, type Validation, validate } from '../schema/validate.js';
import { argumentsObject, parseStringifiedArgs } from './coerce-args.js';
import type { ToolDescriptor } from './tool.js';

/** Parsed arguments, or the message naming each bad field. */
export type ParsedArgs = Record<string, unknown> | string;

/** Applies `then` to a validation, now when it is done, else once it settles. */
const onValidation = <T>(
  validation: Validation<Record<string, unknown>> | Promise<Validation<Record<string, unknown>>>,
  then: (result: Validation<Record<string, unknown>>) => T | Promise<T>,
): T | Promise<T> => (validation instanceof Promise ? validation.then(then) : then(validation));

/**
 * Validates a call's arguments against the tool's input schema, repairing
 * object or array arguments sent as JSON strings. Returns the parsed arguments,
 * or a message naming each bad field (by `rename`d names, when the client knows
 * them by other names). Synchronous when the schema is (most are): a promise
 * only when there is something to wait for.
 */
export const parseToolArgs = (
  // biome-ignore lint/suspicious/noExplicitAny: any tool
  tool: ToolDescriptor<any, any>,
  raw: unknown,
  options: { readonly label?: string; readonly rename?: RenameKey } = {},
): ParsedArgs | Promise<ParsedArgs> => {
  const label = options.label ?? tool.name;
  const args = argumentsObject(raw);
  if (args === undefined) return `Invalid arguments for tool '${label}': expected an object`;
  const input = tool.input;
  if (!input) return args;
  return onValidation(validate<Record<string, unknown>>(input, args, options.rename), (first) => {
    if (first.ok) return first.value;
    const failed = `Invalid arguments for tool '${label}': ${first.message}`;
    const reparsed = parseStringifiedArgs(args);
    if (!reparsed) return failed;
    return onValidation(validate<Record<string, unknown>>(input, reparsed), (second) =>
      second.ok ? second.value : failed,
    );
  });
};
