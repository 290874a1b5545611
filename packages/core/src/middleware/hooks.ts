import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import type {
  CallToolRequestParams,
  CallToolResult,
  CompleteRequestParams,
  CompleteResult,
  GetPromptRequestParams,
  GetPromptResult,
  InitializeRequestParams,
  InitializeResult,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  PaginatedRequestParams,
  ReadResourceRequestParams,
  ReadResourceResult,
} from '../protocol/types.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import type { Middleware, RequestResult } from './middleware.js';

/** A hook for one kind of request, with that request's params and result typed. */
export type Hook<TParams, TResult> = (
  params: TParams,
  ctx: Context,
  next: (params?: TParams, ctx?: Context) => Promise<TResult>,
) => MaybePromise<TResult>;

/** Typed hooks, one per kind of request; see {@link hooks}. */
export interface Hooks {
  readonly initialize?: Hook<InitializeRequestParams, InitializeResult>;
  readonly listTools?: Hook<PaginatedRequestParams, ListToolsResult>;
  readonly callTool?: Hook<CallToolRequestParams, CallToolResult>;
  readonly listResources?: Hook<PaginatedRequestParams, ListResourcesResult>;
  readonly listResourceTemplates?: Hook<PaginatedRequestParams, ListResourceTemplatesResult>;
  readonly readResource?: Hook<ReadResourceRequestParams, ReadResourceResult>;
  readonly listPrompts?: Hook<PaginatedRequestParams, ListPromptsResult>;
  readonly getPrompt?: Hook<GetPromptRequestParams, GetPromptResult>;
  readonly complete?: Hook<CompleteRequestParams, CompleteResult>;
}

const METHODS: Readonly<Record<keyof Hooks, string>> = {
  initialize: 'initialize',
  listTools: 'tools/list',
  callTool: 'tools/call',
  listResources: 'resources/list',
  listResourceTemplates: 'resources/templates/list',
  readResource: 'resources/read',
  listPrompts: 'prompts/list',
  getPrompt: 'prompts/get',
  complete: 'completion/complete',
};

/**
 * Builds a middleware from typed hooks: each hook sees only its kind of
 * request; every other request passes straight through.
 *
 * @example
 * const audit = hooks({
 *   callTool: async (params, ctx, next) => {
 *     ctx.log.info(`calling ${params.name}`);
 *     return next();
 *   },
 * });
 */
export const hooks = (table: Hooks): Middleware => {
  const byMethod = new Map<string, Hook<unknown, unknown>>();
  for (const [key, hook] of Object.entries(table)) {
    const method = METHODS[key as keyof Hooks];
    if (!method) throw new DefinitionError(`hooks(): unknown hook '${key}' (use ${Object.keys(METHODS).join(', ')})`);
    if (typeof hook === 'function') byMethod.set(method, hook as Hook<unknown, unknown>);
  }
  return (request, ctx, next) => {
    const hook = byMethod.get(request.method);
    if (!hook) return next();
    return hook(request.params, ctx, (params, nextCtx) =>
      next(params as Record<string, unknown> | undefined, nextCtx),
    ) as MaybePromise<RequestResult>;
  };
};
