import type { AccessRule, AuthInfo } from '../context/auth.js';
import type { Middleware } from '../middleware/middleware.js';
import type { Icon } from '../protocol/types.js';

/** Fields every component shares. */
export interface ComponentBase {
  /** Who may see and use it; undefined when open to all. */
  readonly access: ((auth: AuthInfo | undefined) => boolean) | undefined;
  /** Free-form labels used by `include`/`exclude` filters and per-session enable/disable. */
  readonly tags: readonly string[];
  /** Sent to clients as the component's `_meta`. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /**
   * Internal, open for tools that build on mcpkit (a `~` member, as valibot's
   * `~standard` and `~run`: an ordinary member, so a spread copy keeps it): the
   * middleware of the modules (`compose({ middleware })`, `mount(…, { middleware })`)
   * the component came through, outermost first. Absent when there is none.
   */
  readonly '~middleware'?: readonly Middleware[];
  /**
   * Internal (an ordinary `~` member, kept by a spread): true when the component
   * came out of `compose()`, so the server's own components win over it.
   */
  readonly '~composed'?: true;
}

/** Options every component accepts. */
export interface CommonOptions extends AccessRule {
  /** A human-friendly display name. */
  readonly title?: string;
  readonly description?: string;
  readonly icons?: readonly Icon[];
  /** Labels for `include`/`exclude` filters and per-session enable/disable. */
  readonly tags?: readonly string[];
  /** Sent to clients as `_meta`. */
  readonly meta?: Readonly<Record<string, unknown>>;
}
