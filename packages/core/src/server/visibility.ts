import type { Context } from '../context/context.js';
import { everythingEnabled } from '../context/defaults.js';
import type { Component } from './component.js';

/** Keeps the entries this request's session may see; free when the session hides nothing. */
export const visibleTo = <E extends { readonly descriptor: Component }>(
  ctx: Context,
  entries: readonly E[],
): readonly E[] => {
  const { isEnabled } = ctx.session;
  return isEnabled === everythingEnabled ? entries : entries.filter((entry) => isEnabled(entry.descriptor));
};

/** Whether this request's session sees one component. */
export const isVisible = (ctx: Context, component: Component): boolean => ctx.session.isEnabled(component);
