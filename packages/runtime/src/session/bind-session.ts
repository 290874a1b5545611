import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { coreOf } from './open-session.js';
import { encodeRecord, type StoredRecord } from './record-codec.js';
import type { SessionBacking } from './session-backing.js';
import { admitHello } from './session-limits.js';
import type { Session } from './types.js';
import { createVisibility } from './visibility.js';

/** How a session shared between instances reaches the shared store and the other instances. */
export interface SessionBinding {
  /** Where `ctx.session.getState/setState/deleteState` read and write. */
  readonly backing: SessionBacking;
  /** Prefix of the ids of requests this instance sends to the client, unique to the instance. */
  readonly outboxPrefix: string;
  /** Told about a client response no request of this instance waits for. */
  readonly onStrayResponse: (message: JSONRPCMessage) => void;
}

/** Binds a session (opened by a hub) to a shared store; see `SessionBinding`. */
export const bindSession = (session: Session, binding: SessionBinding): void => {
  const core = coreOf(session);
  core.backing = binding.backing;
  core.outboxPrefix = binding.outboxPrefix;
  core.onStrayResponse = binding.onStrayResponse;
};

/** The session's record as the store keeps it; undefined until initialize has been answered. */
export const encodeSession = (session: Session, owner: string | undefined): string | undefined => {
  const { record } = coreOf(session);
  return record.hello === undefined ? undefined : encodeRecord(record, owner);
};

/**
 * Makes a stored record the live session's own: hello (first time only, and
 * counted against the hub's hello budget, so adopting sessions from the store
 * holds no more memory than opening them), level, subscriptions, rules, state.
 * Throws the protocol error to answer when the hub's hello budget is spent.
 */
export const applyStoredRecord = (session: Session, stored: StoredRecord): void => {
  const core = coreOf(session);
  const { record } = core;
  if (record.hello === undefined) {
    const hello = core.shared.internHello(stored.hello);
    admitHello(core, core.shared.limits, stored.hello, hello === stored.hello);
    record.hello = hello;
  }
  record.level = stored.level;
  record.subscriptions = stored.subscriptions?.length ? new Set(stored.subscriptions) : undefined;
  record.rules = stored.rules?.length ? [...stored.rules] : undefined;
  core.visibility = record.rules ? createVisibility(core.shared.server.components, record.rules) : undefined;
  // Refilled in place: a `ctx.session` made earlier holds this very Map.
  if (record.state) {
    record.state.clear();
    for (const [key, value] of Object.entries(stored.state ?? {})) record.state.set(key, value);
  } else if (stored.state) record.state = new Map(Object.entries(stored.state));
};
