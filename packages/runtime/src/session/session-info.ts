import type { Component, ComponentSelector, Lifespan, SessionInfo } from '@mcpkit/core';
import { notification } from './messages.js';
import type { SessionCore } from './session-core.js';
import type { Send } from './types.js';

/**
 * The `ctx.session` the runtime hands to handlers: the core `SessionInfo`
 * plus what `hubOf(ctx)` and `lifespanOf(ctx)` read.
 */
export interface RuntimeSessionInfo extends SessionInfo {
  /** The hub that owns this session. */
  readonly hub: unknown;
  /** The value started by the lifespan hook (undefined without one). */
  readonly lifespan: unknown;
  /** Every started lifespan hook's value, by hook. */
  readonly lifespans: ReadonlyMap<Lifespan, unknown>;
  /**
   * Runs `cleanup` once when this session closes (at once if it already has);
   * returns a function that unregisters it. Proxies close their per-session
   * remote connections this way.
   */
  readonly onClose: (cleanup: () => void) => () => void;
}

const LIST_CHANGED = {
  tools: 'notifications/tools/list_changed',
  resources: 'notifications/resources/list_changed',
  prompts: 'notifications/prompts/list_changed',
} as const;

/**
 * Builds `ctx.session`. `fallback` is where list_changed goes when the session
 * has no standing channel (the request's own stream, if any).
 */
export const sessionInfo = (core: SessionCore, fallback?: () => Send | undefined): RuntimeSessionInfo => {
  const change = (enabled: boolean, selector: ComponentSelector) => {
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
  return {
    id: core.id,
    state: core.state,
    get clientInfo() {
      return core.hello?.clientInfo;
    },
    get clientCapabilities() {
      return core.hello?.capabilities;
    },
    get protocolVersion() {
      return core.hello?.protocolVersion;
    },
    enable: (selector) => change(true, selector),
    disable: (selector) => change(false, selector),
    // A getter so core sees the "everything enabled" sentinel until a rule exists.
    get isEnabled(): (component: Component) => boolean {
      return core.visibility.isEnabled();
    },
    hub: core.hub,
    lifespan: core.shared.lifespan,
    lifespans: core.shared.lifespans,
    onClose: (cleanup) => {
      if (core.closed) {
        cleanup();
        return () => {};
      }
      core.cleanups.add(cleanup);
      return () => core.cleanups.delete(cleanup);
    },
  };
};
