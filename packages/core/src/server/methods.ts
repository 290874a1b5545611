import type { Context } from '../context/context.js';
import { ErrorCode } from '../errors/codes.js';
import { invalidParams, ProtocolError } from '../errors/errors.js';
import type { Handler, RequestResult } from '../middleware/middleware.js';
import { inModule, listInModules, moduleMiddleware } from '../middleware/module-middleware.js';
import type { ListChanges } from '../mount/list-changes.js';
import { mountSource } from '../mount/mount-source.js';
import { transformedMounts } from '../mount/mounted-transforms.js';
import { runTool } from '../tool/run-tool.js';
import { isPlainObject } from '../utils/is-plain-object.js';
import { once } from '../utils/once.js';
import { clipInput, quoteInput } from '../utils/quote-input.js';
import { complete, completionRequest, unknownRef } from './complete.js';
import type { Component } from './component.js';
import { fixedPages, listResult } from './fixed-pages.js';
import { getPrompt } from './get-prompt.js';
import { handlerError } from './handler-error.js';
import { listResources } from './list-resources.js';
import type { ServerOptions } from './options.js';
import { paginate } from './pagination.js';
import { readResource } from './read-resource.js';
import type { Entry, Registry } from './registry.js';
import { firstAnswer, type ItemKind, listAll, type Source, type SourceItems } from './source.js';
import { isVisible, visibleTo } from './visibility.js';

const page = <T>(key: string, items: readonly T[], cursor: unknown, pageSize: number | undefined) =>
  listResult(key, paginate(items, cursor, pageSize));

/**
 * The registry's request methods, by MCP method name. Each asks its sources
 * in order: the server's own components, then each mount. `changes` are the
 * server's list changes, which tell when what mounts list may be kept.
 */
export const registryMethods = (
  registry: Registry,
  options: ServerOptions,
  changes: ListChanges,
): ReadonlyMap<string, Handler> => {
  const { pageSize } = options;
  const mounts: readonly Source[] = registry.mounts.map((mount) => mountSource(mount, changes.epoch));
  /**
   * A ready-made page as the method returns it: itself, or for server
   * middleware (which may change what it gets) a copy with its own list.
   */
  const served = (result: RequestResult, key: string): RequestResult =>
    options.middleware?.length ? { ...result, [key]: [...(result[key] as unknown[])] } : result;

  /**
   * The server's own items of one kind for this request, and, when nothing
   * changes them per request (no mounts, no module middleware, no access rule,
   * a session that hides nothing), ready-made pages.
   */
  const localList = <E extends Entry<Component, unknown>>(entries: readonly E[], key: string, method: string) => {
    const definitions = once(() => Object.freeze(entries.map(registry.definitionOf)));
    const open = entries.every((e) => e.descriptor.access === undefined);
    const modular = entries.some((e) => moduleMiddleware(e.descriptor).length > 0);
    const pages = modular || mounts.length ? undefined : fixedPages(key, definitions, pageSize);
    return {
      /** The ready-made page, when this request sees every entry. */
      fixed: (ctx: Context, cursor: unknown) =>
        pages && visibleTo(ctx, entries, open) === entries ? served(pages(cursor), key) : undefined,
      items: async (ctx: Context): Promise<readonly unknown[]> => {
        const visible = visibleTo(ctx, entries, open);
        if (modular) {
          return listInModules(
            visible.map((e) => ({ component: e.descriptor, items: [registry.definitionOf(e)] })),
            method,
            key,
            ctx,
          );
        }
        return visible === entries ? definitions() : visible.map(registry.definitionOf);
      },
    };
  };
  const tools = localList([...registry.tools.values()], 'tools', 'tools/list');
  const templates = localList([...registry.templates.values()], 'resourceTemplates', 'resources/templates/list');
  const prompts = localList([...registry.prompts.values()], 'prompts', 'prompts/list');
  /** Static resources only (no template lists them): the ready-made pages come from here. */
  const resourcePages = [...registry.templates.values()].some((e) => e.descriptor.list)
    ? undefined
    : localList([...registry.resources.values()], 'resources', 'resources/list');

  const local: Source = {
    list: async (kind, ctx) => {
      const items =
        kind === 'tool'
          ? tools.items(ctx)
          : kind === 'prompt'
            ? prompts.items(ctx)
            : kind === 'resourceTemplate'
              ? templates.items(ctx)
              : listResources(registry, ctx, options);
      return (await items) as readonly SourceItems[typeof kind][];
    },
    // Not async: it hands on the tool's own promise rather than wrapping it in another.
    callTool: (p, ctx) => {
      const entry = typeof p.name === 'string' ? registry.tools.get(p.name) : undefined;
      if (!entry || !isVisible(ctx, entry.descriptor)) return Promise.resolve(undefined);
      const tool = entry.descriptor;
      return inModule(tool, 'tools/call', p, ctx, (params, c) => runTool(tool, params.arguments, c, options));
    },
    getPrompt: (p, ctx) => getPrompt(registry, p, ctx, options),
    readResource: (uri, ctx) => readResource(registry, uri, ctx),
    complete: (p, request, ctx) => complete(registry, p, request, ctx, options),
  } as Source;

  /** The server's own components first, then the mounts (as one source when server-level transforms reshape their tools). */
  const sources: readonly Source[] =
    mounts.length && options.transforms
      ? [local, transformedMounts(mounts, options.transforms, options)]
      : [local, ...mounts];

  /** A list method: the ready-made page when there is one, else every source's items, paged. */
  const lister =
    (kind: ItemKind, key: string, fixed: ReturnType<typeof localList> | undefined): Handler =>
    async (p, ctx) => {
      const ready = fixed?.fixed(ctx, p.cursor);
      if (ready) return ready;
      const own = await local.list(kind, ctx);
      const rest = sources.slice(1);
      return page(key, rest.length ? await listAll(rest, kind, ctx, own) : own, p.cursor, pageSize);
    };

  return new Map<string, Handler>([
    ['ping', async () => ({})],
    ['tools/list', lister('tool', 'tools', tools)],
    [
      'tools/call',
      async (p, ctx) => {
        const result = await firstAnswer(sources, (source) => source.callTool(p, ctx));
        if (result) return result;
        throw invalidParams(`Unknown tool: ${quoteInput(p.name)}`, {
          name: typeof p.name === 'string' ? clipInput(p.name) : p.name,
        });
      },
    ],
    ['resources/list', lister('resource', 'resources', resourcePages)],
    ['resources/templates/list', lister('resourceTemplate', 'resourceTemplates', templates)],
    [
      'resources/read',
      async (p, ctx) => {
        const uri = p.uri;
        if (typeof uri !== 'string') throw invalidParams('resources/read needs a string uri');
        let result: RequestResult | undefined;
        try {
          result = await firstAnswer(sources, (source) => source.readResource(uri, ctx));
        } catch (error) {
          throw handlerError(error, `reading resource '${clipInput(uri)}'`, options.maskErrorDetails);
        }
        if (result) return result;
        throw new ProtocolError(ErrorCode.ResourceNotFound, `Resource not found: ${clipInput(uri)}`, {
          uri: clipInput(uri),
        });
      },
    ],
    ['prompts/list', lister('prompt', 'prompts', prompts)],
    [
      'prompts/get',
      async (p, ctx) => {
        if (p.arguments !== undefined && !isPlainObject(p.arguments)) {
          throw invalidParams('prompts/get arguments must be an object');
        }
        const result = await firstAnswer(sources, (source) => source.getPrompt(p, ctx));
        if (result) return result;
        throw invalidParams(`Unknown prompt: ${quoteInput(p.name)}`);
      },
    ],
    [
      'completion/complete',
      async (p, ctx) => {
        const request = completionRequest(p);
        const result = await firstAnswer(sources, (source) => source.complete(p, request, ctx));
        if (result) return result;
        throw unknownRef(request.ref);
      },
    ],
  ]);
};
