import { isPlainObject } from '../utils/is-plain-object.js';
import type { Context } from './context.js';

/**
 * The `ctx.state` key under which middleware leaves `_meta` entries for the
 * requests this one sends on to other servers (a proxied call): telemetry puts
 * the W3C trace context of its span here, so a remote continues the trace.
 * The value is an object of entries, or a function returning one (made only
 * when a request is actually sent on).
 */
export const OUTGOING_META = 'mcpkit.outgoingMeta';

/** The `_meta` entries middleware left for outgoing requests (see {@link OUTGOING_META}), if any. */
export const outgoingMeta = (
  ctx: Partial<Pick<Context, 'state'>> | undefined,
): Readonly<Record<string, unknown>> | undefined => {
  const value = ctx?.state?.get(OUTGOING_META);
  const entries = typeof value === 'function' ? value() : value;
  return isPlainObject(entries) ? entries : undefined;
};
