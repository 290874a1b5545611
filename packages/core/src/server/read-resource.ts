import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import { passInput } from '../input/input-required.js';
import { inModule } from '../middleware/module-middleware.js';
import type { ReadResourceResult } from '../protocol/types.js';
import { matchTemplate } from '../resource/match-template.js';
import { toReadResult } from '../resource/read-result.js';
import { coerceStrings } from '../schema/coerce-strings.js';
import { validate } from '../schema/validate.js';
import { clipInput } from '../utils/quote-input.js';
import type { Registry, TemplateEntry } from './registry.js';
import { isVisible } from './visibility.js';

const templateParams = async (entry: TemplateEntry, uri: string): Promise<{ params?: unknown; error?: string }> => {
  const raw = matchTemplate(entry.parsed, uri);
  if (!raw) return {};
  const { params, paramsSchema } = entry.descriptor;
  if (!params) return { params: Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) };
  const checked = await validate(params, coerceStrings(raw, paramsSchema));
  return checked.ok ? { params: checked.value } : { error: checked.message };
};

/**
 * Reads one of the server's own resources: an exact URI first, then each
 * template in order; undefined when none has it. A template that matches but
 * whose params reject the values is skipped; if no other answers, the first
 * such rejection is reported as invalid params.
 */
export const readResource = async (
  registry: Registry,
  uri: string,
  ctx: Context,
): Promise<ReadResourceResult | undefined> => {
  const exact = registry.resources.get(uri);
  if (exact && isVisible(ctx, exact.descriptor)) {
    const { read, mimeType } = exact.descriptor;
    return (await inModule(exact.descriptor, 'resources/read', { uri }, ctx, async (_p, c) =>
      toReadResult(passInput(await read({}, c)), uri, mimeType),
    )) as ReadResourceResult;
  }
  let rejection: string | undefined;
  for (const entry of registry.templates.values()) {
    if (!isVisible(ctx, entry.descriptor)) continue;
    const { params, error } = await templateParams(entry, uri);
    if (error) rejection ??= `Invalid parameters for resource '${clipInput(uri)}': ${error}`;
    if (params === undefined) continue;
    return (await inModule(entry.descriptor, 'resources/read', { uri }, ctx, async (_p, c) =>
      toReadResult(passInput(await entry.descriptor.read(params, c)), uri, entry.descriptor.mimeType),
    )) as ReadResourceResult;
  }
  if (rejection) throw invalidParams(rejection, { uri: clipInput(uri) });
  return undefined;
};
