import { accessCheck } from '../context/auth.js';
import type { ContextInput } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type { Middleware } from '../middleware/middleware.js';
import { cloneComponent } from '../middleware/module-middleware.js';
import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '../protocol/types.js';
import type { CompletionRef } from '../server/complete.js';
import type { CommonOptions, ComponentBase } from '../server/component.js';
import { deepFreeze } from '../utils/deep-freeze.js';

/** Which list changed. */
export type ListKind = 'tools' | 'resources' | 'prompts';

/**
 * Anything that answers MCP server operations at request time: a `Server`
 * made by `createServer()`, or a proxy of a remote server. Errors are thrown
 * as `ProtocolError`s, as a server's typed methods do.
 */
export interface Provider {
  /** All tools the context's session sees. */
  readonly listTools: (ctx?: ContextInput) => Promise<readonly Tool[]>;
  /** Calls a tool as `tools/call` does; an unknown tool throws a ProtocolError (-32602). */
  readonly callTool: (name: string, args?: Record<string, unknown>, ctx?: ContextInput) => Promise<CallToolResult>;
  readonly listResources: (ctx?: ContextInput) => Promise<readonly Resource[]>;
  readonly listResourceTemplates: (ctx?: ContextInput) => Promise<readonly ResourceTemplate[]>;
  /** Reads a resource; an unknown URI throws a ProtocolError (-32002). */
  readonly readResource: (uri: string, ctx?: ContextInput) => Promise<ReadResourceResult>;
  readonly listPrompts: (ctx?: ContextInput) => Promise<readonly Prompt[]>;
  /** Renders a prompt; arguments are strings as on the wire. */
  readonly getPrompt: (name: string, args?: Record<string, string>, ctx?: ContextInput) => Promise<GetPromptResult>;
  /** Completes a prompt argument or template variable. */
  readonly complete: (
    ref: CompletionRef,
    argument: { readonly name: string; readonly value: string },
    context?: { readonly arguments?: Record<string, string> },
    ctx?: ContextInput,
  ) => Promise<CompleteResult['completion']>;
  /** Tells `listener` when one of the provider's lists changes; returns a function that stops telling. */
  readonly onListChanged?: (listener: (kind: ListKind) => void) => () => void;
}

/** One namespace a mount's names pass through, innermost first. */
export interface NamespaceLayer {
  readonly namespace: string;
  readonly separator: string;
}

/** What you pass to {@link mount}. */
export interface MountOptions extends Pick<CommonOptions, 'tags' | 'meta' | 'requires' | 'canAccess'> {
  /** Prefix for the provider's tool and prompt names (`ns_name`) and path segment of its URIs (`scheme://ns/path`). */
  readonly namespace?: string;
  /** Between namespace and name; default `'_'`. */
  readonly separator?: string;
  /** Middleware for this mount only: it sees requests for the mounted components, and lists of them. */
  readonly middleware?: readonly Middleware[];
}

/** A live mount: an immutable descriptor made by {@link mount}. */
export interface MountDescriptor extends ComponentBase {
  readonly kind: 'mount';
  readonly provider: Provider;
  /** Namespaces applied to the provider's names, innermost first (compose adds outer ones). */
  readonly layers: readonly NamespaceLayer[];
}

const NAMESPACE = /^[A-Za-z0-9_.-]+$/;

/** Checks a namespace; shared with `compose()`. */
export const assertNamespace = (namespace: string): void => {
  if (!NAMESPACE.test(namespace)) {
    throw new DefinitionError(`Namespace ${JSON.stringify(namespace)} must be letters, digits, '_', '-' or '.'`);
  }
};

/**
 * Mounts another server (or a proxy) live: its tools, resources, templates
 * and prompts are listed and called through it at request time, so changes in
 * it show at once, and its list-changed events reach the parent's clients.
 * The parent's own components win over mounted ones of the same name, and
 * earlier mounts over later ones.
 *
 * @example
 * const weather = createServer({ name: 'weather', version: '1' }, [forecast]);
 * createServer(info, [mount(weather, { namespace: 'weather' })]); // tool weather_forecast
 */
export const mount = (provider: Provider, options: MountOptions = {}): MountDescriptor => {
  if (!provider || typeof provider.listTools !== 'function' || typeof provider.callTool !== 'function') {
    throw new DefinitionError('mount() needs a server made by createServer() or a proxy');
  }
  if (options.namespace !== undefined) assertNamespace(options.namespace);
  const layers =
    options.namespace === undefined ? [] : [{ namespace: options.namespace, separator: options.separator ?? '_' }];
  // The provider is a live object (a proxy holds connections): freeze the descriptor, not the provider.
  const descriptor: MountDescriptor = Object.freeze({
    kind: 'mount' as const,
    provider,
    layers: deepFreeze(layers),
    tags: Object.freeze([...(options.tags ?? [])]),
    meta: options.meta && deepFreeze({ ...options.meta }),
    access: accessCheck(options),
  });
  const chain = options.middleware ?? [];
  return chain.length ? cloneComponent(descriptor, { '~middleware': Object.freeze([...chain]) }) : descriptor;
};
