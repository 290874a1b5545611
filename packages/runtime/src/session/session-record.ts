import type { ClientHello, ComponentSelector, LoggingLevel } from '@mcpkit/core';

/** One `ctx.session.enable/disable` call: later rules win over earlier ones. */
export interface VisibilityRule {
  readonly enabled: boolean;
  readonly selector: ComponentSelector;
}

/**
 * What a session is, as data: the protocol record a shared store can hold and
 * another instance can serve the session from. Nothing live (requests in
 * flight, channels, timers) lives here; see `SessionCore` for that. Every
 * collection is made on first use, so an idle session carries none.
 */
export interface SessionRecord {
  /** The transport-level session id; undefined for stdio and stateless HTTP. */
  readonly id: string | undefined;
  /** What the client said at initialize; undefined until initialize has been answered. */
  hello: ClientHello | undefined;
  /** The level `ctx.log` entries must reach to be sent (`logging/setLevel`). */
  level: LoggingLevel;
  /** The resource URIs the client subscribed to. */
  subscriptions: Set<string> | undefined;
  /** The session's enable/disable rules, in the order they were made. */
  rules: VisibilityRule[] | undefined;
  /** `ctx.session.state`. */
  state: Map<string, unknown> | undefined;
}
