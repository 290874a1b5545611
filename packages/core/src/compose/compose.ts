import { DefinitionError } from '../errors/errors.js';
import { assertUriScheme } from '../resource/resource.js';
import type { Component, Module } from '../server/component.js';
import { assertToolName } from '../tool/tool-name.js';
import { deepFreeze } from '../utils/deep-freeze.js';

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
}

/** Inserts `ns/` after `scheme://`: `data://config` becomes `data://ns/config`. */
export const namespaceUri = (uri: string, namespace: string): string => {
  assertUriScheme(uri, 'Resource');
  const at = uri.indexOf('://') + 3;
  return `${uri.slice(0, at)}${namespace}/${uri.slice(at)}`;
};

const rename = (component: Component, namespace: string, separator: string): Component => {
  switch (component.kind) {
    case 'tool': {
      const name = `${namespace}${separator}${component.name}`;
      assertToolName(name, 'Namespaced tool');
      return deepFreeze({ ...component, name });
    }
    case 'prompt':
      return deepFreeze({ ...component, name: `${namespace}${separator}${component.name}` });
    case 'resource': {
      const uri = namespaceUri(component.uri, namespace);
      return deepFreeze({ ...component, uri, name: component.name === component.uri ? uri : component.name });
    }
    case 'resourceTemplate': {
      const uriTemplate = namespaceUri(component.uriTemplate, namespace);
      const name = component.name === component.uriTemplate ? uriTemplate : component.name;
      return deepFreeze({ ...component, uriTemplate, name });
    }
    case 'mount':
      // A mount renames at request time: add this namespace as its outermost layer.
      return Object.freeze({ ...component, layers: Object.freeze([...component.layers, { namespace, separator }]) });
  }
};

const COMPOSED = Symbol.for('mcpkit.composed');

/** True for a component that came out of `compose()` (so local components take precedence over it). */
export const isComposed = (component: Component): boolean =>
  (component as unknown as Record<symbol, unknown>)[COMPOSED] === true;

/** Marks a component as composed; a non-enumerable flag on a frozen copy, so it never reaches clients. */
const markComposed = (component: Component): Component =>
  isComposed(component)
    ? component
    : (Object.freeze(Object.defineProperty({ ...component }, COMPOSED, { value: true })) as Component);

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
  const { namespace, separator = '_', include, exclude } = options;
  if (namespace !== undefined && !/^[A-Za-z0-9_.-]+$/.test(namespace)) {
    throw new DefinitionError(`Namespace ${JSON.stringify(namespace)} must be letters, digits, '_', '-' or '.'`);
  }
  const kept = components.filter(
    (c) => !exclude?.some((tag) => c.tags.includes(tag)) && (!include || include.some((tag) => c.tags.includes(tag))),
  );
  return Object.freeze(kept.map((c) => markComposed(namespace ? rename(c, namespace, separator) : c)));
}
