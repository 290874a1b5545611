import { DefinitionError } from '../errors/errors.js';

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Throws unless `name` is 1-128 characters of `[A-Za-z0-9_.-]`, as the MCP spec asks of tool names. */
export const assertToolName = (name: unknown, what: string): void => {
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    throw new DefinitionError(
      `${what} name ${JSON.stringify(name)} is invalid: use 1-128 characters of letters, digits, '_', '-' and '.'`,
    );
  }
};
