import type { Context } from '../context/context.js';
import { everythingEnabled } from '../context/defaults.js';
import { type Component, componentRef } from './component.js';

/** Whether this request may see one component: its session has it enabled and the caller passes its access rule. */
export const isVisible = (ctx: Context, component: Component): boolean =>
  (ctx.session.isEnabled === everythingEnabled || ctx.session.isEnabled(componentRef(component))) &&
  (component.access === undefined || component.access(ctx.auth));

/**
 * Keeps the entries this request may see. `open` says that no entry has an
 * access rule, so a session that hides nothing gets the list back untouched.
 */
export const visibleTo = <E extends { readonly descriptor: Component }>(
  ctx: Context,
  entries: readonly E[],
  open = entries.every((entry) => entry.descriptor.access === undefined),
): readonly E[] =>
  open && ctx.session.isEnabled === everythingEnabled
    ? entries
    : entries.filter((entry) => isVisible(ctx, entry.descriptor));
