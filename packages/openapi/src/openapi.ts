import { createServer, type Server, type ServerOptions } from '@mcpkit/core';
import { type BuiltComponents, buildComponents, type ComponentOptions } from './components/build-components.js';
import { type LoadOptions, loadOpenApi, type OpenApiSource } from './load/load-document.js';

/** What you pass to {@link openapi}. */
export interface OpenApiOptions extends LoadOptions, ComponentOptions {
  /** The provider's server name; default the document's `info.title`. */
  readonly name?: string;
  /** Its version; default the document's `info.version`. */
  readonly version?: string;
  /** Options of the server the components are folded into (middleware, transforms, pageSize, ...). */
  readonly server?: ServerOptions;
}

/**
 * A server made from an OpenAPI document: mount it in another with
 * `mount()` (namespaced, transformable, with its own middleware) or serve it
 * as it is.
 */
export interface OpenApiProvider extends Server {
  /** What each operation became. */
  readonly routes: BuiltComponents['routes'];
  /** Validation problems and operations with no base URL; empty for a clean document. */
  readonly warnings: readonly string[];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/**
 * Loads an OpenAPI 3.0/3.1 document (object, file path or URL), validates
 * and dereferences it, and returns a server whose tools, resources and
 * resource templates call the API: every operation a tool unless route maps
 * say otherwise.
 *
 * @example
 * const petstore = await openapi('./petstore.json', { baseUrl: 'https://petstore.example.com' });
 * const server = createServer(info, [mount(petstore, { namespace: 'pets' })]);
 */
export const openapi = async (spec: OpenApiSource, options: OpenApiOptions = {}): Promise<OpenApiProvider> => {
  const loaded = await loadOpenApi(spec, options);
  const built = buildComponents(loaded, options);
  const info = (loaded.document.info ?? {}) as Record<string, unknown>;
  const server = createServer(
    { name: options.name ?? text(info.title) ?? 'openapi', version: options.version ?? text(info.version) ?? '0.0.0' },
    built.components,
    options.server,
  );
  return Object.freeze({ ...server, routes: built.routes, warnings: [...loaded.warnings, ...built.warnings] });
};
