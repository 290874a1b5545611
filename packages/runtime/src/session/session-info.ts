import {
  type ComponentRef,
  type ComponentSelector,
  everythingEnabled,
  type Implementation,
  type Lifespan,
  McpkitError,
  mapStateMethods,
  type SessionInfo,
  type SessionStateMethods,
} from '@mcpkit/core';
import { notification } from './messages.js';
import type { RuntimeSessionInfo } from './runtime-session-info.js';
import type { SessionCore } from './session-core.js';
import type { Send } from './types.js';
import { createVisibility } from './visibility.js';

const LIST_CHANGED = {
  tools: 'notifications/tools/list_changed',
  resources: 'notifications/resources/list_changed',
  prompts: 'notifications/prompts/list_changed',
} as const;

/** `ctx.session.state`, made on first use. */
export const stateOf = (core: SessionCore): Map<string, unknown> => {
  core.record.state ??= new Map();
  return core.record.state;
};

/**
 * `ctx.session.getState/setState/deleteState`, made once per session. With a
 * backing store, reads fetch the record afresh and writes save it before
 * resolving; without one they are the `state` Map's own operations.
 */
const stateMethodsOf = (core: SessionCore): SessionStateMethods => {
  core.stateMethods ??= {
    getState: async <T>(key: string) => {
      await core.backing?.refresh();
      return core.record.state?.get(key) as T | undefined;
    },
    setState: async (key, value) => {
      stateOf(core).set(key, value);
      await core.backing?.save();
    },
    deleteState: async (key) => {
      if (core.backing) await core.backing.refresh();
      const had = core.record.state?.delete(key) ?? false;
      if (had) await core.backing?.save();
      return had;
    },
  };
  return core.stateMethods;
};

/** The session's visibility check: core's "everything enabled" sentinel until a rule exists. */
const isEnabledIn = (core: SessionCore): ((component: ComponentRef) => boolean) =>
  core.visibility ? core.visibility.isEnabled() : everythingEnabled;

/** Applies an enable/disable rule and tells the client which lists changed. */
const change = (
  core: SessionCore,
  enabled: boolean,
  selector: ComponentSelector,
  fallback: (() => Send | undefined) | undefined,
) => {
  core.record.rules ??= [];
  core.visibility ??= createVisibility(core.shared.server.components, core.record.rules);
  const changed = core.visibility.apply(enabled, selector);
  const send = core.channel ?? fallback?.();
  if (!send || core.closed) return;
  for (const kind of changed) {
    try {
      send(notification(LIST_CHANGED[kind]));
    } catch {
      // The client re-lists on its next request anyway.
    }
  }
};

const onCloseOf = (core: SessionCore) => (cleanup: () => void) => {
  if (core.closed) {
    cleanup();
    return () => {};
  }
  core.cleanups ??= new Set();
  core.cleanups.add(cleanup);
  return () => core.cleanups?.delete(cleanup);
};

/**
 * What every `ctx.session` of the runtime has: own fields for what never
 * changes (a copy made by spreading, as `mount()` does, keeps them), and a
 * prototype getter for `isEnabled`, which is live because rules change during
 * a session (it returns core's "everything enabled" sentinel until a rule exists).
 */
abstract class SessionInfoBase {
  readonly id: string | undefined;
  readonly enable: (selector: ComponentSelector) => void;
  readonly disable: (selector: ComponentSelector) => void;
  readonly hub: unknown;
  readonly lifespan: unknown;
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  readonly onClose: (cleanup: () => void) => () => void;
  readonly getState: SessionStateMethods['getState'];
  readonly setState: SessionStateMethods['setState'];
  readonly deleteState: SessionStateMethods['deleteState'];
  readonly #core: SessionCore;

  constructor(core: SessionCore, fallback: (() => Send | undefined) | undefined) {
    this.#core = core;
    this.id = core.record.id;
    const state = stateMethodsOf(core);
    this.getState = state.getState;
    this.setState = state.setState;
    this.deleteState = state.deleteState;
    this.enable = (selector) => change(core, true, selector, fallback);
    this.disable = (selector) => change(core, false, selector, fallback);
    this.hub = core.shared.hub;
    this.lifespan = core.shared.lifespan;
    this.lifespans = core.shared.lifespans;
    this.onClose = onCloseOf(core);
  }

  /** The session this describes, for subclasses. */
  protected get sessionCore(): SessionCore {
    return this.#core;
  }

  get isEnabled(): (component: ComponentRef) => boolean {
    return isEnabledIn(this.#core);
  }
}

/**
 * `ctx.session` once the session is initialized, when what the client said
 * no longer changes: plain data, cheap to make per request.
 */
class InitializedSessionInfo extends SessionInfoBase implements RuntimeSessionInfo {
  readonly state: Map<string, unknown>;
  readonly clientInfo: Implementation | undefined;
  readonly clientCapabilities: SessionInfo['clientCapabilities'];
  readonly protocolVersion: string | undefined;

  constructor(core: SessionCore, fallback: (() => Send | undefined) | undefined) {
    super(core, fallback);
    this.state = stateOf(core);
    this.clientInfo = core.record.hello?.clientInfo;
    this.clientCapabilities = core.record.hello?.capabilities;
    this.protocolVersion = core.record.hello?.protocolVersion;
  }
}

/**
 * `ctx.session` before initialize completed: what the client says is read
 * live, through prototype getters (an object literal with getters is several
 * times slower to make, and sessions make one for their initialize).
 */
class UninitializedSessionInfo extends SessionInfoBase implements RuntimeSessionInfo {
  get state(): Map<string, unknown> {
    return stateOf(this.sessionCore);
  }
  get clientInfo(): Implementation | undefined {
    return this.sessionCore.record.hello?.clientInfo;
  }
  get clientCapabilities(): SessionInfo['clientCapabilities'] {
    return this.sessionCore.record.hello?.capabilities;
  }
  get protocolVersion(): string | undefined {
    return this.sessionCore.record.hello?.protocolVersion;
  }
}

/**
 * Builds `ctx.session`. `fallback` is where list_changed goes when the session
 * has no standing channel (the request's own stream, if any). Without one,
 * the initialized session's object is made once and shared by its requests.
 */
export const sessionInfo = (core: SessionCore, fallback?: () => Send | undefined): RuntimeSessionInfo => {
  if (!core.record.hello) return new UninitializedSessionInfo(core, fallback);
  if (fallback) return new InitializedSessionInfo(core, fallback);
  core.info ??= new InitializedSessionInfo(core, undefined);
  return core.info;
};

const fixedOnModern = (what: string) => () => {
  throw new McpkitError(
    'NO_SESSION',
    `ctx.session.${what} needs a 2025-era session: on 2026-07-28 requests lists never vary per connection (filter by ctx.auth instead)`,
  );
};
const enableOnModern = fixedOnModern('enable');
const disableOnModern = fixedOnModern('disable');

/**
 * `ctx.session` of a modern (2026-07-28) request, which belongs to no
 * session: no id, state that lives as long as the request, what the client
 * says from the request's own envelope, lists the same for every caller.
 * `onClose` hooks run when the request ends.
 */
export class RequestSessionInfo implements RuntimeSessionInfo {
  readonly id = undefined;
  readonly clientInfo: Implementation | undefined;
  readonly clientCapabilities: SessionInfo['clientCapabilities'];
  readonly protocolVersion: string | undefined;
  readonly enable = enableOnModern;
  readonly disable = disableOnModern;
  readonly isEnabled = everythingEnabled;
  readonly hub: unknown;
  readonly lifespan: unknown;
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  /** An own closure: callers (proxies) take it off the object unbound. */
  readonly onClose: (cleanup: () => void) => () => void;
  /** Hooks `onClose` registered, made on the first: the request runs them when it ends. */
  cleanups: Set<() => void> | undefined;
  readonly getState: SessionStateMethods['getState'];
  readonly setState: SessionStateMethods['setState'];
  readonly deleteState: SessionStateMethods['deleteState'];
  #state: Map<string, unknown> | undefined;

  constructor(core: SessionCore, facts: Pick<SessionInfo, 'clientInfo' | 'clientCapabilities' | 'protocolVersion'>) {
    this.clientInfo = facts.clientInfo;
    this.clientCapabilities = facts.clientCapabilities;
    this.protocolVersion = facts.protocolVersion;
    this.hub = core.shared.hub;
    this.lifespan = core.shared.lifespan;
    this.lifespans = core.shared.lifespans;
    this.cleanups = undefined;
    const state = mapStateMethods(() => this.state);
    this.getState = state.getState;
    this.setState = state.setState;
    this.deleteState = state.deleteState;
    this.onClose = (cleanup) => {
      this.cleanups ??= new Set();
      this.cleanups.add(cleanup);
      return () => this.cleanups?.delete(cleanup);
    };
  }

  /** State for this request only, made when first read. */
  get state(): Map<string, unknown> {
    this.#state ??= new Map();
    return this.#state;
  }
}
