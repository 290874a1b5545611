import type { Context } from '../context/context.js';
import { McpkitError } from '../errors/errors.js';
import type { MaybePromise } from '../utils/maybe-promise.js';

const nextCalledTwice = (method: string, index: number) =>
  new McpkitError(
    'NEXT_CALLED_TWICE',
    `Middleware #${index} called next() twice while serving ${method}: the rest of the chain runs once per request`,
  );

/** A request as middleware sees it: the MCP method and its params. */
export interface MiddlewareRequest {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A method's result object (what goes in the JSON-RPC `result`). */
export type RequestResult = Record<string, unknown>;

/**
 * Runs the rest of the chain and finally the handler. Pass params or a
 * context to rewrite what the next step sees; omit them to pass them on as is.
 */
export type Next = (params?: Readonly<Record<string, unknown>>, ctx?: Context) => Promise<RequestResult>;

/**
 * Wraps every request a server answers. Return `next()`'s result (possibly
 * changed) or your own to short-circuit; throw a `ProtocolError` to answer
 * with a JSON-RPC error.
 *
 * @example
 * const timing: Middleware = async (request, ctx, next) => {
 *   const started = performance.now();
 *   try { return await next(); } finally { ctx.log.debug(`${request.method}: ${performance.now() - started} ms`); }
 * };
 */
export type Middleware = (request: MiddlewareRequest, ctx: Context, next: Next) => MaybePromise<RequestResult>;

/** The innermost step: the method's own handler. */
export type Handler = (params: Readonly<Record<string, unknown>>, ctx: Context) => Promise<RequestResult>;

/**
 * Runs `request` through `middleware` in array order, ending in `handler`.
 * Each middleware's `next` runs the rest of the chain once: a second call
 * throws instead of running the handler again.
 */
export const runChain = (
  middleware: readonly Middleware[],
  method: string,
  params: Readonly<Record<string, unknown>>,
  ctx: Context,
  handler: Handler,
): Promise<RequestResult> => {
  const step = async (
    index: number,
    stepParams: Readonly<Record<string, unknown>>,
    stepCtx: Context,
  ): Promise<RequestResult> => {
    const current = middleware[index];
    if (!current) return handler(stepParams, stepCtx);
    let called = false;
    return current({ method, params: stepParams }, stepCtx, (nextParams, nextCtx) => {
      if (called) throw nextCalledTwice(method, index);
      called = true;
      return step(index + 1, nextParams ?? stepParams, nextCtx ?? stepCtx);
    });
  };
  return step(0, params, ctx);
};

/** Wraps each method handler in the chain; without middleware the handlers are returned untouched. */
export const withMiddleware = (
  handlers: ReadonlyMap<string, Handler>,
  middleware: readonly Middleware[] | undefined,
): ReadonlyMap<string, Handler> => {
  if (!middleware?.length) return handlers;
  return new Map(
    [...handlers].map(([method, handler]) => [
      method,
      (params: Readonly<Record<string, unknown>>, ctx: Context) => runChain(middleware, method, params, ctx, handler),
    ]),
  );
};
