import type { Context } from '../context/context.js';
import { ErrorCode } from '../errors/codes.js';
import { invalidParams, ProtocolError } from '../errors/errors.js';
import { passInput } from '../input/input-required.js';
import { inModule } from '../middleware/module-middleware.js';
import { readMountedResource } from '../mount/mounted-methods.js';
import type { ReadResourceResult } from '../protocol/types.js';
import { matchTemplate } from '../resource/match-template.js';
import { toReadResult } from '../resource/read-result.js';
import { coerceStrings } from '../schema/coerce-strings.js';
import { validate } from '../schema/validate.js';
import { clipInput } from '../utils/quote-input.js';
import { handlerError } from './handler-error.js';
import type { ServerOptions } from './options.js';
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
 * Reads a resource: an exact URI first, then each template in order. A
 * template that matches but whose params reject the values is skipped; if no
 * other answers, the first such rejection is reported as invalid params.
 */
export const readResource = async (
  registry: Registry,
  uri: unknown,
  ctx: Context,
  options: ServerOptions,
): Promise<ReadResourceResult> => {
  if (typeof uri !== 'string') throw invalidParams('resources/read needs a string uri');
  try {
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
    const mounted = registry.mounts.length ? await readMountedResource(registry.mounts, ctx, uri) : undefined;
    if (mounted) return mounted;
  } catch (error) {
    throw handlerError(error, `reading resource '${clipInput(uri)}'`, options.maskErrorDetails);
  }
  throw new ProtocolError(ErrorCode.ResourceNotFound, `Resource not found: ${clipInput(uri)}`, { uri: clipInput(uri) });
};
