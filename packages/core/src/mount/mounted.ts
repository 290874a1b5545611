import type { Context, ContextInput } from '../context/context.js';
import { everythingEnabled } from '../context/defaults.js';
import { ErrorCode } from '../errors/codes.js';
import { ProtocolError } from '../errors/errors.js';
import { prefixUri, unprefixUri } from '../utils/namespace-uri.js';
import type { MountDescriptor, NamespaceLayer } from './mount.js';

/* Names as they pass through a mount's namespaces: outward when listing, inward when calling. */

/** `name` as the parent's clients see it. */
export const outwardName = (layers: readonly NamespaceLayer[], name: string): string =>
  layers.reduce((current, { namespace, separator }) => `${namespace}${separator}${current}`, name);

/** `uri` (or a URI template) as the parent's clients see it. */
export const outwardUri = (layers: readonly NamespaceLayer[], uri: string): string =>
  layers.reduce((current, { namespace }) => prefixUri(current, namespace), uri);

/** The provider's own name for `name`, or undefined when it is not under this mount's namespaces. */
export const inwardName = (layers: readonly NamespaceLayer[], name: string): string | undefined => {
  let current = name;
  for (let i = layers.length - 1; i >= 0; i--) {
    const { namespace, separator } = layers[i] as NamespaceLayer;
    const prefix = `${namespace}${separator}`;
    if (!current.startsWith(prefix)) return undefined;
    current = current.slice(prefix.length);
  }
  return current;
};

/** The provider's own URI for `uri`, or undefined when it is not under this mount's namespaces. */
export const inwardUri = (layers: readonly NamespaceLayer[], uri: string): string | undefined => {
  let current: string | undefined = uri;
  for (let i = layers.length - 1; i >= 0 && current !== undefined; i--) {
    current = unprefixUri(current, (layers[i] as NamespaceLayer).namespace);
  }
  return current;
};

/**
 * The context a provider sees: the parent's, with visibility left to the
 * parent (which knows the outward names the session's rules use).
 */
export const providerContext = (ctx: Context): ContextInput => ({
  ...ctx,
  session: { ...ctx.session, isEnabled: everythingEnabled },
});

/** Whether the session sees a mounted item by its outward name (rules by name; the mount's own tags and access). */
export const mountedVisible = (
  ctx: Context,
  mount: MountDescriptor,
  kind: 'tool' | 'prompt' | 'resource' | 'resourceTemplate',
  outward: string,
): boolean => {
  if (mount.access && !mount.access(ctx.auth)) return false;
  if (ctx.session.isEnabled === everythingEnabled) return true;
  return ctx.session.isEnabled({ kind, key: outward, tags: mount.tags });
};

/** True for the error a provider throws for something it does not have. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ProtocolError &&
  (error.code === ErrorCode.ResourceNotFound || error.code === ErrorCode.InvalidParams);
