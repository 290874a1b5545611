import { isRecord as isObject } from '@mcpkit/core';

/** The HTTP methods an OpenAPI path item may hold operations for. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One HTTP method, lower case. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Where a parameter goes. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A dereferenced OpenAPI parameter object (the fields used here). */
export interface ParameterObject {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly description?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  readonly schema?: unknown;
  readonly content?: Readonly<Record<string, { readonly schema?: unknown }>>;
}

/** A dereferenced media type object. */
export interface MediaTypeObject {
  readonly schema?: unknown;
  readonly encoding?: Readonly<
    Record<string, { readonly contentType?: string; readonly style?: string; readonly explode?: boolean }>
  >;
}

/** A dereferenced request body object. */
export interface RequestBodyObject {
  readonly description?: string;
  readonly required?: boolean;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

/** A dereferenced response object. */
export interface ResponseObject {
  readonly description?: string;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

/** One operation of the document, with the path item's parameters folded in. */
export interface Operation {
  readonly method: HttpMethod;
  /** The path template as written in the document, such as `/pets/{petId}`. */
  readonly path: string;
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  readonly parameters: readonly ParameterObject[];
  readonly requestBody: RequestBodyObject | undefined;
  readonly responses: Readonly<Record<string, ResponseObject>>;
  /** The operation's or path item's own `servers`, when it has them. */
  readonly servers: readonly unknown[] | undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

const parametersOf = (list: unknown): ParameterObject[] =>
  Array.isArray(list)
    ? list.filter((p): p is ParameterObject => isObject(p) && typeof p.name === 'string' && typeof p.in === 'string')
    : [];

/**
 * Lists the operations of a dereferenced document in document order. An
 * operation's own parameters override the path item's of the same name and
 * location, as OpenAPI says.
 */
export const operationsOf = (document: Readonly<Record<string, unknown>>): Operation[] => {
  const operations: Operation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = parametersOf(item.parameters);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = parametersOf(op.parameters);
      const overridden = new Set(own.map((p) => `${p.in}:${p.name}`));
      const servers = Array.isArray(op.servers) && op.servers.length ? op.servers : item.servers;
      operations.push({
        method,
        path,
        operationId: text(op.operationId),
        summary: text(op.summary) ?? text(item.summary),
        description: text(op.description) ?? text(item.description),
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
        deprecated: op.deprecated === true,
        parameters: [...shared.filter((p) => !overridden.has(`${p.in}:${p.name}`)), ...own],
        requestBody: isObject(op.requestBody) ? (op.requestBody as RequestBodyObject) : undefined,
        responses: isObject(op.responses) ? (op.responses as Record<string, ResponseObject>) : {},
        servers: Array.isArray(servers) && servers.length ? servers : undefined,
      });
    }
  }
  return operations;
};
