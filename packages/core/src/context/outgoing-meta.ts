import { isPlainObject } from '../utils/is-plain-object.js';
import type { Context } from './context.js';

/**
 * The `ctx.state` key under which middleware leaves `_meta` entries for the
 * requests this one sends on to other servers (a proxied call): telemetry puts
 * the W3C trace context of its span here, so a remote continues the trace.
 */
export const OUTGOING_META = 'mcpkit.outgoingMeta';

/** The `_meta` entries middleware left for outgoing requests (see {@link OUTGOING_META}), if any. */
export const outgoingMeta = (
  ctx: Partial<Pick<Context, 'state'>> | undefined,
): Readonly<Record<string, unknown>> | undefined => {
  const entries = ctx?.state?.get(OUTGOING_META);
  return isPlainObject(entries) ? entries : undefined;
};
