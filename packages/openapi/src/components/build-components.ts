import type { Component } from '@mcpkit/core';
import type { LoadedDocument } from '../load/load-document.js';
import { serverUrl } from '../load/server-url.js';
import type { HeadersOption } from '../request/send-request.js';
import { type HttpMethod, type Operation, operationsOf } from '../routes/operations.js';
import { type RouteMap, type RouteType, routeOf } from '../routes/route-map.js';
import { nameOperations } from '../routes/tool-names.js';
import { inputPlan } from '../schema/input-plan.js';
import { outputPlan } from '../schema/output-schema.js';
import { isJsonMediaType } from '../schema/pick-media-type.js';
import { schemaConverter } from '../schema/to-json-schema.js';
import type { OperationCall } from './operation-call.js';
import { operationResource } from './operation-resource.js';
import { operationTool } from './operation-tool.js';

/** How operations become components and how they call the API. */
export interface ComponentOptions {
  /** The API's base URL; default the document's first absolute `servers` URL (an operation's own servers win). */
  readonly baseUrl?: string;
  /** The `fetch` used for API calls; default the global one. */
  readonly fetch?: typeof fetch;
  /** Per-request timeout in ms; default 30 000. */
  readonly timeoutMs?: number;
  /**
   * Headers for every API request (API keys, the signed-in user's upstream
   * token from `ctx.auth`, ...), fixed or computed per call. Nothing else of
   * the MCP request is forwarded: the MCP client's own `Authorization` never
   * reaches the API unless you put it here.
   */
  readonly headers?: HeadersOption;
  /** Rules deciding what each operation becomes; first match wins; default: every operation a tool. */
  readonly routeMaps?: readonly RouteMap[];
  /** Decides last: return a type to override the route maps' choice for an operation, or undefined to keep it. */
  readonly routeMap?: (operation: OperationInfo, type: RouteType) => RouteType | undefined;
  /** Component names by operationId or by `METHOD /path` (for example `'GET /pets/{id}'`). */
  readonly names?: Readonly<Record<string, string>>;
  /** The URI scheme of resources and templates; default `openapi`. */
  readonly scheme?: string;
  /** Largest API response read, in bytes; default 10 MiB. Larger responses fail the call. */
  readonly maxResponseBytes?: number;
  /** How much of an API error body goes into the tool error, in characters; default 2000. */
  readonly maxErrorChars?: number;
  /** Advertise output schemas from the 2xx JSON responses; default true. */
  readonly outputSchemas?: boolean;
}

/** What an operation is, as `routeMap` and `routes` tell it. */
export interface OperationInfo {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly tags: readonly string[];
  readonly summary: string | undefined;
}

/** One operation and the component it became. */
export interface RouteInfo extends OperationInfo {
  readonly type: RouteType;
  /** The component's name (tools) or URI (resources and templates); undefined when excluded. */
  readonly name: string | undefined;
  readonly uri: string | undefined;
}

/** The components made from a document, and what became of each operation. */
export interface BuiltComponents {
  readonly components: readonly Component[];
  readonly routes: readonly RouteInfo[];
  readonly warnings: readonly string[];
}

const infoOf = (op: Operation): OperationInfo => ({
  method: op.method,
  path: op.path,
  operationId: op.operationId,
  tags: op.tags,
  summary: op.summary,
});

const descriptionOf = (op: Operation): string | undefined => {
  const parts = [op.summary, op.description !== op.summary ? op.description : undefined].filter(Boolean);
  const text = parts.join('\n\n');
  return op.deprecated ? `Deprecated. ${text}`.trim() : text || undefined;
};

const responseMimeType = (op: Operation): string | undefined => {
  const success = Object.entries(op.responses).find(([status]) => /^2/.test(status));
  const type = Object.keys(success?.[1].content ?? {})[0];
  return type === undefined ? undefined : isJsonMediaType(type) ? 'application/json' : type;
};

/**
 * Turns every operation of a loaded document into an mcpkit tool, resource
 * or resource template (per the route maps), or leaves it out. Names are
 * deduplicated; schemas are converted to JSON Schema once per document.
 */
export const buildComponents = (loaded: LoadedDocument, options: ComponentOptions = {}): BuiltComponents => {
  const operations = operationsOf(loaded.document);
  const names = nameOperations(operations, options.names);
  const toRequest = schemaConverter(loaded.version, 'request');
  const toResponse = schemaConverter(loaded.version, 'response');
  const documentUrl = options.baseUrl ?? serverUrl(loaded.document.servers, loaded.url);
  const settings = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    headers: options.headers,
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
  };
  const maxErrorChars = options.maxErrorChars ?? 2000;
  const scheme = options.scheme ?? 'openapi';
  const warnings: string[] = [];
  const components: Component[] = [];
  const routes: RouteInfo[] = [];
  for (const [index, op] of operations.entries()) {
    const info = infoOf(op);
    const route = routeOf(op, options.routeMaps ?? []);
    const type = options.routeMap?.(info, route.type) ?? route.type;
    const name = names[index] as string;
    if (type === 'exclude') {
      routes.push({ ...info, type, name: undefined, uri: undefined });
      continue;
    }
    const baseUrl = options.baseUrl ?? (op.servers && serverUrl(op.servers, loaded.url)) ?? documentUrl;
    const label = `${op.method.toUpperCase()} ${op.path}`;
    if (!baseUrl) warnings.push(`${label}: no absolute server URL in the document; pass baseUrl`);
    const call: OperationCall = { op, plan: inputPlan(op, toRequest), baseUrl, settings, label };
    const tags = [...new Set([...op.tags, ...route.mcpTags])];
    const common = { name, title: op.summary, description: descriptionOf(op), tags };
    const asTool = () => {
      const output = options.outputSchemas === false ? undefined : outputPlan(op, toResponse);
      components.push(operationTool(call, { ...common, output, maxErrorChars }));
      routes.push({ ...info, type: 'tool', name, uri: undefined });
    };
    if (type === 'tool') {
      asTool();
      continue;
    }
    let made: ReturnType<typeof operationResource>;
    try {
      made = operationResource(call, { ...common, scheme, mimeType: responseMimeType(op), maxErrorChars });
    } catch (error) {
      // A path no URI template can express (a variable used twice, say) is served as a tool instead.
      warnings.push(`${label}: served as a tool, not a ${type} (${(error as Error).message})`);
      asTool();
      continue;
    }
    const uri = made.kind === 'resource' ? made.uri : made.uriTemplate;
    routes.push({ ...info, type: made.kind === 'resource' ? 'resource' : 'resourceTemplate', name, uri });
    components.push(made);
  }
  return { components, routes, warnings: [...new Set(warnings)] };
};
