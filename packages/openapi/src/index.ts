/**
 * @mcpkit/openapi: serve an HTTP API described by OpenAPI 3.0/3.1 as mcpkit
 * tools, resources and resource templates.
 * @packageDocumentation
 */

export {
  type BuiltComponents,
  buildComponents,
  type ComponentOptions,
  type OperationInfo,
  type RouteInfo,
} from './components/build-components.js';
export { type LoadedDocument, type LoadOptions, loadOpenApi, type OpenApiSource } from './load/load-document.js';
export { type OpenApiOptions, type OpenApiProvider, openapi } from './openapi.js';
export type { HeadersOption, RequestOperation } from './request/send-request.js';
export type { HttpMethod } from './routes/operations.js';
export { RESOURCE_ROUTES, type RouteMap, type RouteType } from './routes/route-map.js';
