import type { Context } from '../context/context.js';
import { isPlainObject } from '../utils/is-plain-object.js';

/**
 * The settings the client declared for extension `id` (`{}` when it declared
 * none), or `undefined` when it did not declare the extension: on 2025
 * sessions from initialize's `capabilities.extensions`, on 2026-07-28
 * requests from the request's own `_meta` client capabilities.
 *
 * @example
 * if (!clientExtension(ctx, 'io.modelcontextprotocol/ui')) return text('Plain text for this client');
 */
export const clientExtension = (
  ctx: Pick<Context, 'session'>,
  id: string,
): Readonly<Record<string, unknown>> | undefined => {
  const extensions = (ctx.session.clientCapabilities as { extensions?: unknown } | undefined)?.extensions;
  if (!isPlainObject(extensions) || !Object.hasOwn(extensions, id)) return undefined;
  const settings = (extensions as Record<string, unknown>)[id];
  return isPlainObject(settings) ? (settings as Record<string, unknown>) : {};
};
