import { DefinitionError } from '@mcpkit/core';
import { compileErrors, type ParserOptions, validate } from '@readme/openapi-parser';

/**
 * Validates a document against its OpenAPI schema with
 * `@readme/openapi-parser` and returns the problems and warnings found; with
 * `strict`, a document that does not validate throws instead.
 */
export const validationProblems = async (
  input: Parameters<typeof validate>[0],
  label: string,
  strict: boolean,
  parserOptions: ParserOptions,
): Promise<string[]> => {
  const problems: string[] = [];
  try {
    const result = await validate(typeof input === 'string' ? input : structuredClone(input), parserOptions);
    if (!result.valid) {
      const message = compileErrors(result);
      if (strict) throw new DefinitionError(`${label} is not a valid OpenAPI document: ${message}`);
      problems.push(message);
    }
    for (const warning of result.warnings) problems.push(warning.message);
  } catch (error) {
    if (error instanceof DefinitionError) throw error;
    if (strict) throw new DefinitionError(`${label} cannot be validated: ${(error as Error).message}`);
    problems.push((error as Error).message);
  }
  return problems;
};
