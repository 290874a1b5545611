import { accessCheck } from '../context/auth.js';
import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type { Annotations, Icon } from '../protocol/types.js';
import type { AnySchema, OutputOf } from '../schema/any-schema.js';
import { type JsonObjectSchema, toJsonObject } from '../schema/json-schema.js';
import type { CommonOptions, ComponentBase } from '../server/component-base.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import type { ResourceReturn } from './read-result.js';
import { isUriTemplate, parseUriTemplate, type TemplateVariables } from './uri-template.js';

/** Completes one template variable: gets the partial value, returns suggestions. */
export type Completer = (
  value: string,
  context: { readonly arguments: Readonly<Record<string, string>> },
) => MaybePromise<readonly string[]>;

/** A concrete resource a template enumerates in `resources/list`. */
export interface ListedResource<TParams> {
  readonly params: TParams;
  readonly name?: string;
  readonly title?: string;
  readonly description?: string;
  readonly mimeType?: string;
}

/** The parameters a template's `read` receives: the `params` schema's output, or strings per variable. */
export type TemplateParams<TUri extends string, TParams> = OutputOf<
  TParams,
  { [K in TemplateVariables<TUri>]: string }
>;

interface ResourceFields extends CommonOptions {
  readonly name?: string;
  /** Defaults by return type: text/plain, application/json or application/octet-stream. */
  readonly mimeType?: string;
  readonly annotations?: Annotations;
}

/** What you pass to {@link resource}. A `uri` with `{…}` expressions declares a template. */
export interface ResourceOptions<TUri extends string, TParams extends AnySchema | undefined> extends ResourceFields {
  /** `scheme://path`, or a template such as `users://{id}/profile`. */
  readonly uri: TUri;
  /** Templates only: an object schema (valibot or any Standard Schema with JSON Schema) validating and coercing the variables. */
  readonly params?: TParams;
  /** Static resources only: the content size in bytes, if known. */
  readonly size?: number;
  /** Templates only: enumerate concrete resources for `resources/list`. */
  readonly list?: (ctx: Context) => MaybePromise<readonly ListedResource<TemplateParams<TUri, TParams>>[]>;
  /** Templates only: completions per variable. */
  readonly complete?: Readonly<Partial<Record<TemplateVariables<TUri>, Completer>>>;
  readonly read: (params: TemplateParams<TUri, TParams>, ctx: Context) => MaybePromise<ResourceReturn>;
}

/** A static resource: an immutable descriptor made by {@link resource}. */
export interface ResourceDescriptor extends ComponentBase, Required<Pick<ResourceFields, 'name'>> {
  readonly kind: 'resource';
  readonly uri: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly mimeType: string | undefined;
  readonly annotations: Annotations | undefined;
  readonly icons: readonly Icon[] | undefined;
  readonly size: number | undefined;
  readonly read: (params: Record<string, never>, ctx: Context) => MaybePromise<ResourceReturn>;
}

/** A resource template: an immutable descriptor made by {@link resource}. */
export interface ResourceTemplateDescriptor<TParams = Record<string, string>>
  extends ComponentBase,
    Required<Pick<ResourceFields, 'name'>> {
  readonly kind: 'resourceTemplate';
  readonly uriTemplate: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly mimeType: string | undefined;
  readonly annotations: Annotations | undefined;
  readonly icons: readonly Icon[] | undefined;
  readonly variables: readonly string[];
  readonly params: AnySchema | undefined;
  /** The JSON Schema of `params`, used to coerce string values before validation. */
  readonly paramsSchema: JsonObjectSchema | undefined;
  readonly list: ((ctx: Context) => MaybePromise<readonly ListedResource<TParams>[]>) | undefined;
  readonly complete: Readonly<Record<string, Completer>> | undefined;
  readonly read: (params: TParams, ctx: Context) => MaybePromise<ResourceReturn>;
  /** Phantom field for type inference; never set. */
  readonly '~types'?: { readonly params: TParams };
}

/** Throws unless `uri` has a `scheme://` prefix. */
export const assertUriScheme = (uri: string, what: string): void => {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(uri)) {
    throw new DefinitionError(`${what} URI '${uri}' needs a scheme, as in 'data://${uri.replace(/^\/+/, '')}'`);
  }
};

const checkParams = (uri: string, variables: readonly string[], schema: JsonObjectSchema): void => {
  const declared = Object.keys(schema.properties ?? {});
  const missing = variables.filter((name) => !declared.includes(name));
  const extra = declared.filter((name) => !variables.includes(name));
  if (missing.length)
    throw new DefinitionError(`Resource template '${uri}': params schema lacks ${missing.join(', ')}`);
  if (extra.length)
    throw new DefinitionError(`Resource template '${uri}': params ${extra.join(', ')} are not in the URI`);
};

/** The shape returned by {@link resource}: a template descriptor when the URI has expressions. */
export type ResourceResult<TUri extends string, TParams> = TUri extends `${string}{${string}}${string}`
  ? ResourceTemplateDescriptor<TemplateParams<TUri, TParams>>
  : ResourceDescriptor;

/**
 * Declares a resource, or a resource template when the URI has `{…}`
 * expressions. Returns a deeply frozen descriptor.
 *
 * @example
 * const config = resource({ uri: 'data://config', read: () => ({ theme: 'dark' }) });
 * const user = resource({ uri: 'users://{id}', read: ({ id }) => ({ id }) });
 */
export const resource = <const TUri extends string, TParams extends AnySchema | undefined = undefined>(
  options: ResourceOptions<TUri, TParams>,
): ResourceResult<TUri, TParams> => {
  const { uri } = options;
  assertUriScheme(uri, 'Resource');
  if (typeof options.read !== 'function') throw new DefinitionError(`Resource '${uri}' needs a read function`);
  const common = {
    name: options.name ?? uri,
    title: options.title,
    description: options.description,
    mimeType: options.mimeType,
    annotations: options.annotations,
    icons: options.icons,
    tags: options.tags ?? [],
    access: accessCheck(options),
    meta: options.meta,
    read: options.read,
  };
  if (!isUriTemplate(uri)) {
    for (const key of ['params', 'list', 'complete'] as const) {
      if (options[key])
        throw new DefinitionError(`Resource '${uri}' has no template variables, so '${key}' has no use`);
    }
    return deepFreeze({ kind: 'resource', uri, size: options.size, ...common }) as unknown as ResourceResult<
      TUri,
      TParams
    >;
  }
  const { variables } = parseUriTemplate(uri);
  const paramsSchema = options.params ? toJsonObject(options.params, `Resource template '${uri}' params`) : undefined;
  if (paramsSchema) checkParams(uri, variables, paramsSchema);
  for (const key of Object.keys(options.complete ?? {})) {
    if (!variables.includes(key))
      throw new DefinitionError(`Resource template '${uri}': cannot complete unknown variable '${key}'`);
  }
  // The descriptor's own data is frozen deeply; the schema (any library's) is the caller's and left as it is.
  const data = deepFreeze({
    kind: 'resourceTemplate',
    uriTemplate: uri,
    variables,
    paramsSchema,
    list: options.list,
    complete: options.complete as Record<string, Completer> | undefined,
    ...common,
  });
  return Object.freeze({ ...data, params: options.params }) as unknown as ResourceResult<TUri, TParams>;
};
