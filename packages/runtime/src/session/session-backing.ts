/**
 * Where a session's record is kept besides this process: a shared store that
 * other instances serve the session from. The HTTP transport attaches one to
 * each session when it runs with a `sessionStore`; `ctx.session.getState`,
 * `setState` and `deleteState` go through it.
 */
export interface SessionBacking {
  /** Reads the record afresh from the store into the live session. */
  readonly refresh: () => Promise<void>;
  /** Writes the live session's record to the store. */
  readonly save: () => Promise<void>;
}
