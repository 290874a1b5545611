/** What a lifespan hook starts: a value for handlers, and how to stop it. */
export interface LifespanHandle<T> {
  /** Reachable from every handler with `lifespanOf<T>(ctx)`. */
  readonly value: T;
  /** Runs once on shutdown, after every session is closed. */
  readonly close?: () => void | Promise<void>;
}

/**
 * Starts shared resources (a database pool, a cache) once per served server,
 * before the first session.
 *
 * @example
 * const lifespan: Lifespan<{ db: Pool }> = async () => {
 *   const db = await createPool();
 *   return { value: { db }, close: () => db.end() };
 * };
 * await serve(server, { transport: 'stdio', lifespan });
 */
export type Lifespan<T = unknown> = () => LifespanHandle<T> | Promise<LifespanHandle<T>>;
