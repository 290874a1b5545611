import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import { passInput } from '../input/input-required.js';
import { inModule } from '../middleware/module-middleware.js';
import type { PromptReturn } from '../prompt/prompt.js';
import { toPromptResult } from '../prompt/render-result.js';
import type { GetPromptResult } from '../protocol/types.js';
import { coerceStrings } from '../schema/coerce-strings.js';
import { validate } from '../schema/validate.js';
import { handlerError } from './handler-error.js';
import type { ServerOptions } from './options.js';
import type { Registry } from './registry.js';
import { isVisible } from './visibility.js';

/**
 * Renders one of the server's own prompts; undefined when it has none of that
 * name for this request. Arguments arrive as strings (per the spec) and are
 * decoded by the args schema's types before validation; missing or invalid
 * arguments are invalid params (-32602).
 */
export const getPrompt = async (
  registry: Registry,
  params: Readonly<Record<string, unknown>>,
  ctx: Context,
  options: ServerOptions,
): Promise<GetPromptResult | undefined> => {
  const { name, arguments: rawArgs } = params;
  const entry = typeof name === 'string' ? registry.prompts.get(name) : undefined;
  if (!entry || !isVisible(ctx, entry.descriptor)) return undefined;
  const prompt = entry.descriptor;
  const render = async (params: Readonly<Record<string, unknown>>, c: Context) => {
    let args: unknown = {};
    if (prompt.args) {
      const strings = Object.fromEntries(
        Object.entries((params.arguments as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      );
      const checked = await validate(prompt.args, coerceStrings(strings, prompt.argsSchema));
      if (!checked.ok) throw invalidParams(`Invalid arguments for prompt '${prompt.name}': ${checked.message}`);
      args = checked.value;
    }
    try {
      return toPromptResult(passInput(await prompt.render(args, c)) as PromptReturn, prompt.description);
    } catch (error) {
      throw handlerError(error, `rendering prompt '${prompt.name}'`, options.maskErrorDetails);
    }
  };
  return (await inModule(prompt, 'prompts/get', { name, arguments: rawArgs }, ctx, render)) as GetPromptResult;
};
