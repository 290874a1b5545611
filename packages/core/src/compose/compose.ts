import { namespaceToolUi } from '../apps/namespace-tool-ui.js';
import type { Middleware } from '../middleware/middleware.js';
import { moduleMiddleware } from '../middleware/module-middleware.js';
import { assertNamespace } from '../mount/mount.js';
import { assertUriScheme } from '../resource/resource.js';
import type { Component, Module } from '../server/component.js';
import { assertToolName } from '../tool/tool-name.js';
import { prefixUri } from '../utils/namespace-uri.js';

/** Options of a namespaced {@link compose}. */
export interface ComposeOptions {
  /** Prefix for tool and prompt names (`ns_name`) and path segment for URIs (`scheme://ns/path`). */
  readonly namespace?: string;
  /** Between namespace and name; default `'_'`. */
  readonly separator?: string;
  /** Keep only components with at least one of these tags. */
  readonly include?: readonly string[];
  /** Drop components with any of these tags. */
  readonly exclude?: readonly string[];
  /** Middleware for this module only: it sees requests for the module's components, and lists of them. */
  readonly middleware?: readonly Middleware[];
}

/** Inserts `ns/` after `scheme://`: `data://config` becomes `data://ns/config`. */
export const namespaceUri = (uri: string, namespace: string): string => {
  assertUriScheme(uri, 'Resource');
  return prefixUri(uri, namespace);
};

/** The changes namespacing makes to one component. */
const renamed = (component: Component, namespace: string, separator: string): Partial<Component> => {
  switch (component.kind) {
    case 'tool': {
      const name = `${namespace}${separator}${component.name}`;
      assertToolName(name, 'Namespaced tool');
      // A tool's view (MCP Apps) moves with the module's resources: keep the link pointing at it.
      const meta = namespaceToolUi(component.meta, (uri) => namespaceUri(uri, namespace));
      return meta ? { name, meta } : { name };
    }
    case 'prompt':
      return { name: `${namespace}${separator}${component.name}` };
    case 'resource': {
      const uri = namespaceUri(component.uri, namespace);
      return { uri, name: component.name === component.uri ? uri : component.name };
    }
    case 'resourceTemplate': {
      const uriTemplate = namespaceUri(component.uriTemplate, namespace);
      return { uriTemplate, name: component.name === component.uriTemplate ? uriTemplate : component.name };
    }
    case 'mount':
      // A mount renames at request time: add this namespace as its outermost layer.
      return { layers: Object.freeze([...component.layers, Object.freeze({ namespace, separator })]) };
  }
};

/** True for a component that came out of `compose()` (its `~composed`: local components take precedence over it). */
export const isComposed = (component: Component): boolean => component['~composed'] === true;

/** `~middleware` when there is a chain (a component without one has no such member). */
const middlewareMember = (chain: readonly Middleware[]) => (chain.length ? { '~middleware': chain } : {});

const isOptions = (value: unknown): value is ComposeOptions =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value);

const flatten = (items: readonly (Component | Module)[]): Component[] =>
  items.flatMap((item) => (Array.isArray(item) ? flatten(item as Module) : [item as Component]));

/**
 * Groups components (or other modules) into a module: a frozen list to spread
 * into `createServer()` or into another `compose()`. With a namespace, tool and
 * prompt names become `ns_name` and resource URIs `scheme://ns/path`; nested
 * namespaces stack from the inside out.
 *
 * Precedence when names collide in `createServer()`: local components come
 * before composed ones, and earlier modules before later ones; `onDuplicate`
 * then decides (`'ignore'` keeps the one with precedence, `'replace'` the other).
 *
 * @example
 * const weather = compose({ namespace: 'weather' }, forecast, alerts);
 * createServer(info, [...weather]); // tools weather_forecast, weather_alerts
 */
export function compose(...items: readonly (Component | Module)[]): Module;
export function compose(options: ComposeOptions, ...items: readonly (Component | Module)[]): Module;
export function compose(...args: readonly (ComposeOptions | Component | Module)[]): Module {
  const [first, ...rest] = args;
  const options = isOptions(first) ? first : {};
  const components = flatten((isOptions(first) ? rest : args) as (Component | Module)[]);
  const { namespace, separator = '_', include, exclude, middleware = [] } = options;
  if (namespace !== undefined) assertNamespace(namespace);
  const kept = components.filter(
    (c) => !exclude?.some((tag) => c.tags.includes(tag)) && (!include || include.some((tag) => c.tags.includes(tag))),
  );
  // This module's middleware runs outside that of the modules inside it; one chain per inner chain, so
  // components of one module share it (lists group by it).
  const chains = new Map<readonly Middleware[], readonly Middleware[]>();
  const chainOf = (inner: readonly Middleware[]) => {
    if (!middleware.length) return inner;
    const chain = chains.get(inner) ?? Object.freeze([...middleware, ...inner]);
    chains.set(inner, chain);
    return chain;
  };
  // A plain spread: the `~` members are ordinary ones, so the copy keeps them. It reads a lazily converted
  // tool's schemas (converted once, shared with the original through its `~schemas`; a conversion that
  // could fail was done by tool(), so this never throws).
  return Object.freeze(
    kept.map(
      (c) =>
        Object.freeze({
          ...c,
          ...(namespace ? renamed(c, namespace, separator) : {}),
          '~composed': true,
          ...middlewareMember(chainOf(moduleMiddleware(c))),
        }) as Component,
    ),
  );
}
