import type { Context } from '../context/context.js';
import type { ComponentBase } from '../server/component-base.js';
import { type Handler, type Middleware, type RequestResult, runChain } from './middleware.js';

const NONE: readonly Middleware[] = Object.freeze([]);

/** The middleware of the modules a component came through, outermost first (its `~middleware`). */
export const moduleMiddleware = (component: ComponentBase): readonly Middleware[] => component['~middleware'] ?? NONE;

/** Runs `handler` inside the component's module middleware (directly when it has none). */
export const inModule = (
  component: ComponentBase,
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
  groups: readonly { readonly component: ComponentBase; readonly items: readonly T[] }[],
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
