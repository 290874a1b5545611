import type { RequestId } from '@mcpkit/core';
import type { InFlightRequest, SessionCore } from './session-core.js';

/**
 * The in-flight requests of a session, by id. One request at a time (the
 * common case) lives in a slot; a Map is made only when two run at once.
 * `1` and `"1"` are different ids (and different Map keys).
 */
export const findRequest = (core: SessionCore, id: RequestId): InFlightRequest | undefined =>
  core.solo !== undefined && core.solo.id === id ? core.solo : core.others?.get(id);

/** Registers `scope`; false when its id is already taken by a running request. */
export const addRequest = (core: SessionCore, scope: InFlightRequest): boolean => {
  if (findRequest(core, scope.id)) return false;
  if (core.solo === undefined) {
    core.solo = scope;
    return true;
  }
  core.others ??= new Map();
  core.others.set(scope.id, scope);
  return true;
};

/** Unregisters `scope` (and nothing else that took its id since). */
export const removeRequest = (core: SessionCore, scope: InFlightRequest): void => {
  if (core.solo === scope) core.solo = undefined;
  else if (core.others?.get(scope.id) === scope) core.others.delete(scope.id);
};

/** Every in-flight request, and forgets them all. */
export const takeAllRequests = (core: SessionCore): InFlightRequest[] => {
  const all = core.solo ? [core.solo] : [];
  if (core.others) all.push(...core.others.values());
  core.solo = undefined;
  core.others = undefined;
  return all;
};
