import type { Context } from '../context/context.js';
import type { Component } from '../server/component.js';
import { type Handler, type Middleware, type RequestResult, runChain } from './middleware.js';

const MODULE_MIDDLEWARE = Symbol.for('mcpkit.moduleMiddleware');
const NONE: readonly Middleware[] = Object.freeze([]);

/** The middleware of the modules a component came through, outermost first. */
export const moduleMiddleware = (component: Component): readonly Middleware[] =>
  ((component as unknown as Record<symbol, unknown>)[MODULE_MIDDLEWARE] as readonly Middleware[] | undefined) ?? NONE;

/**
 * A frozen copy of a component with `changes`, keeping its hidden flags
 * (non-enumerable symbol properties such as its module middleware), and
 * setting `flags` on top. Accessors are copied as accessors, so schemas a
 * descriptor converts on first read stay unconverted (and shared) in the copy.
 */
export const cloneComponent = <C extends Component>(
  component: C,
  changes: Partial<C> = {},
  flags: Readonly<Record<symbol, unknown>> = {},
): C => {
  const properties: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(component);
  for (const [key, value] of Object.entries(changes)) {
    properties[key] = { value, enumerable: true, writable: true, configurable: true };
  }
  for (const key of Object.getOwnPropertySymbols(flags)) properties[key] = { value: flags[key] };
  return Object.freeze(Object.defineProperties({}, properties)) as C;
};

/** Module middleware as a flag for {@link cloneComponent}. */
export const middlewareFlag = (chain: readonly Middleware[]) => ({ [MODULE_MIDDLEWARE]: chain });

/** Runs `handler` inside the component's module middleware (directly when it has none). */
export const inModule = (
  component: Component,
  method: string,
  params: Readonly<Record<string, unknown>>,
  ctx: Context,
  handler: Handler,
): Promise<RequestResult> => {
  const chain = moduleMiddleware(component);
  return chain.length ? runChain(chain, method, params, ctx, handler) : handler(params, ctx);
};

/**
 * A list where some items belong to modules with middleware: each module's
 * middleware sees (and may change) only its own items, as `{ [key]: items }`.
 * Items keep their order, a module's items standing where its first one was.
 */
export const listInModules = async <T>(
  groups: readonly { readonly component: Component; readonly items: readonly T[] }[],
  method: string,
  key: string,
  ctx: Context,
): Promise<readonly T[]> => {
  if (groups.every((group) => moduleMiddleware(group.component).length === 0)) return groups.flatMap((g) => g.items);
  const byChain = new Map<readonly Middleware[], T[]>();
  const order: (readonly Middleware[] | readonly T[])[] = [];
  for (const { component, items } of groups) {
    const chain = moduleMiddleware(component);
    if (!chain.length) {
      order.push(items);
      continue;
    }
    const bucket = byChain.get(chain);
    if (bucket) bucket.push(...items);
    else {
      byChain.set(chain, [...items]);
      order.push(chain);
    }
  }
  const results = new Map<readonly Middleware[], readonly T[]>();
  await Promise.all(
    [...byChain].map(async ([chain, items]) => {
      const result = await runChain(chain, method, {}, ctx, async () => ({ [key]: items }));
      results.set(chain, (result[key] as readonly T[] | undefined) ?? []);
    }),
  );
  return order.flatMap((entry) =>
    results.has(entry as readonly Middleware[])
      ? (results.get(entry as readonly Middleware[]) as readonly T[])
      : (entry as readonly T[]),
  );
};
