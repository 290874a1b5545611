import type { AccessRule, AuthInfo } from '../context/auth.js';
import type { Middleware } from '../middleware/middleware.js';
import type { MountDescriptor } from '../mount/mount.js';
import type { PromptDescriptor } from '../prompt/prompt.js';
import type { Icon } from '../protocol/types.js';
import type { ResourceDescriptor, ResourceTemplateDescriptor } from '../resource/resource.js';
import type { ToolDescriptor } from '../tool/tool.js';

/** Anything `createServer()` accepts in its component list. */
export type Component =
  // biome-ignore lint/suspicious/noExplicitAny: a list holds tools of every input and output type
  | ToolDescriptor<any, any>
  | ResourceDescriptor
  // biome-ignore lint/suspicious/noExplicitAny: likewise for template params
  | ResourceTemplateDescriptor<any>
  // biome-ignore lint/suspicious/noExplicitAny: likewise for prompt args
  | PromptDescriptor<any>
  | MountDescriptor;

/** A module: a frozen list of components, made by `compose()` and spread into a server. */
export type Module = readonly Component[];

/** Fields every component shares. */
export interface ComponentBase {
  /** Who may see and use it; undefined when open to all. */
  readonly access: ((auth: AuthInfo | undefined) => boolean) | undefined;
  /** Free-form labels used by `include`/`exclude` filters and per-session enable/disable. */
  readonly tags: readonly string[];
  /** Sent to clients as the component's `_meta`. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /**
   * Internal, open for tools that build on mcpkit (`~` members, as valibot's;
   * non-enumerable, kept by `cloneComponent`): the middleware of the modules
   * (`compose({ middleware })`, `mount(…, { middleware })`) the component came
   * through, outermost first. Absent when there is none.
   */
  readonly '~middleware'?: readonly Middleware[];
  /** Internal: true when the component came out of `compose()`, so the server's own components win over it. */
  readonly '~composed'?: true;
}

/** The name a component is addressed by: its name, or for a static resource its URI. */
export const componentKey = (component: Component): string => {
  switch (component.kind) {
    case 'resource':
      return component.uri;
    case 'resourceTemplate':
      return component.uriTemplate;
    case 'mount':
      return `mount:${component.layers.map((layer) => layer.namespace).join('/')}`;
    default:
      return component.name;
  }
};

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
