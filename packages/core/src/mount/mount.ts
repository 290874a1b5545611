import { accessCheck } from '../context/auth.js';
import { DefinitionError } from '../errors/errors.js';
import type { Middleware } from '../middleware/middleware.js';
import type { CommonOptions, ComponentBase } from '../server/component-base.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import type { Provider } from './provider.js';

export type { CompletionRef, ListKind, Provider } from './provider.js';

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
  const chain = options.middleware ?? [];
  return Object.freeze({
    kind: 'mount' as const,
    provider,
    layers: deepFreeze(layers),
    tags: Object.freeze([...(options.tags ?? [])]),
    meta: options.meta && deepFreeze({ ...options.meta }),
    access: accessCheck(options),
    ...(chain.length ? { '~middleware': Object.freeze([...chain]) } : {}),
  });
};
