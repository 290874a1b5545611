import type { SessionInfo } from './context.js';

/** The async state methods of a {@link SessionInfo}. */
export type SessionStateMethods = Pick<SessionInfo, 'getState' | 'setState' | 'deleteState'>;

/**
 * `getState` / `setState` / `deleteState` over a plain Map, for sessions that
 * live in one process: values are kept as they are (no JSON round trip), and
 * the Map is the session's `state`, so both APIs see the same values.
 *
 * @example
 * const state = new Map();
 * const { getState, setState } = mapStateMethods(() => state);
 * await setState('count', 1);
 */
export const mapStateMethods = (state: () => Map<string, unknown>): SessionStateMethods => ({
  getState: async <T>(key: string) => state().get(key) as T | undefined,
  setState: async (key, value) => {
    state().set(key, value);
  },
  deleteState: async (key) => state().delete(key),
});
