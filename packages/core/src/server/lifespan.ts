import type { MaybePromise } from '../utils/maybe-promise.js';

/** What a lifespan hook starts: a value for handlers, and how to stop it. */
export interface LifespanHandle<T> {
  /** Reachable from handlers with the runtime's `lifespanOf(ctx, hook)`. */
  readonly value: T;
  /** Runs once on shutdown, after every session is closed. */
  readonly close?: () => MaybePromise<void>;
}

/**
 * Starts shared resources (a database pool, a cache) once per process, before
 * the first session; given to `createServer(info, components, { lifespan })`
 * (or the runtime's `serve(server, { lifespan })`). A server's lifespan also
 * runs when the server is mounted in another one, once, with the parent's.
 *
 * @example
 * const db: Lifespan<Pool> = async () => {
 *   const pool = await createPool();
 *   return { value: pool, close: () => pool.end() };
 * };
 */
export type Lifespan<T = unknown> = () => MaybePromise<LifespanHandle<T>>;
