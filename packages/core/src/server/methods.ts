import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import type { Handler, RequestResult } from '../middleware/middleware.js';
import { inModule, listInModules, moduleMiddleware } from '../middleware/module-middleware.js';
import {
  callMountedTool,
  mountedPrompts,
  mountedResources,
  mountedTemplates,
  mountedTools,
} from '../mount/mounted-methods.js';
import { mountedTransforms } from '../mount/mounted-transforms.js';
import type { Tool } from '../protocol/types.js';
import { runTool } from '../tool/run-tool.js';
import { once } from '../utils/once.js';
import { clipInput, quoteInput } from '../utils/quote-input.js';
import { complete } from './complete.js';
import type { Component } from './component.js';
import { fixedPages, listResult } from './fixed-pages.js';
import { getPrompt } from './get-prompt.js';
import { listResources } from './list-resources.js';
import type { ServerOptions } from './options.js';
import { paginate } from './pagination.js';
import { readResource } from './read-resource.js';
import type { Entry, Registry } from './registry.js';
import { isVisible, visibleTo } from './visibility.js';

const page = <T>(key: string, items: readonly T[], cursor: unknown, pageSize: number | undefined) =>
  listResult(key, paginate(items, cursor, pageSize));

/** The registry's request methods, by MCP method name. */
export const registryMethods = (registry: Registry, options: ServerOptions): ReadonlyMap<string, Handler> => {
  const { pageSize } = options;
  const { mounts } = registry;
  /**
   * A ready-made page as the method returns it: itself, or for server
   * middleware (which may change what it gets) a copy with its own list.
   */
  const served = (result: RequestResult, key: string): RequestResult =>
    options.middleware?.length ? { ...result, [key]: [...(result[key] as unknown[])] } : result;
  const reshape = mounts.length && options.transforms ? mountedTransforms(mounts, options.transforms) : undefined;
  /** Local tools, then mounted ones (reshaped by server-level transforms). */
  const toolsWithMounted = async (ctx: Context, local: readonly Tool[]): Promise<readonly Tool[]> => {
    const all = await mountedTools(mounts, ctx, local);
    return reshape ? [...local, ...reshape.list(all.slice(local.length))] : all;
  };
  /** Calls a mounted tool by the name clients use (a transformed one, or the original). */
  const callMounted = async (ctx: Context, name: string, args: unknown) => {
    if (reshape) {
      const listed = (await mountedTools(mounts, ctx, [])) as Tool[];
      const reshaped = reshape.find(listed, name);
      if (reshaped) return runTool(reshaped, args, ctx, options);
      if (reshape.hides(name)) return undefined;
    }
    return callMountedTool(mounts, ctx, name, args as Record<string, unknown> | undefined);
  };
  /**
   * A list method over fixed entries. Definitions are made on the first list,
   * once. A request that sees every entry, on a server with nothing that
   * changes lists per request (mounts, module middleware), gets a ready-made
   * page; with server middleware, a copy of it (middleware may change what it gets).
   */
  const lister = <E extends Entry<Component, unknown>>(
    method: string,
    key: string,
    map: ReadonlyMap<string, E>,
    mounted?: (mounts: Registry['mounts'], ctx: Context, local: readonly unknown[]) => Promise<readonly unknown[]>,
  ) => {
    const entries = [...map.values()];
    const definitions = once(() => Object.freeze(entries.map(registry.definitionOf)));
    const open = entries.every((e) => e.descriptor.access === undefined);
    const modular = entries.some((e) => moduleMiddleware(e.descriptor).length > 0);
    const dynamic = modular || (mounted !== undefined && mounts.length > 0);
    const pages = dynamic ? undefined : fixedPages(key, definitions, pageSize);
    return async (p: Readonly<Record<string, unknown>>, ctx: Context) => {
      const visible = visibleTo(ctx, entries, open);
      if (pages && visible === entries) return served(pages(p.cursor), key);
      const local = modular
        ? await listInModules(
            visible.map((e) => ({ component: e.descriptor, items: [registry.definitionOf(e)] })),
            method,
            key,
            ctx,
          )
        : visible === entries
          ? definitions()
          : visible.map(registry.definitionOf);
      return page(key, mounted && mounts.length ? await mounted(mounts, ctx, local) : local, p.cursor, pageSize);
    };
  };
  /** Static resources only (no template lists them, nothing mounted, no module middleware): ready-made pages. */
  const staticResources = (() => {
    const entries = [...registry.resources.values()];
    const listing = [...registry.templates.values()].some((e) => e.descriptor.list);
    if (listing || mounts.length || entries.some((e) => moduleMiddleware(e.descriptor).length > 0)) return undefined;
    const definitions = once(() => Object.freeze(entries.map(registry.definitionOf)));
    return {
      entries,
      open: entries.every((e) => e.descriptor.access === undefined),
      pages: fixedPages('resources', definitions, pageSize),
    };
  })();
  return new Map<string, Handler>([
    ['ping', async () => ({})],
    [
      'tools/list',
      lister('tools/list', 'tools', registry.tools, (_m, ctx, local) => toolsWithMounted(ctx, local as Tool[])),
    ],
    [
      'tools/call',
      async (p, ctx) => {
        const entry = typeof p.name === 'string' ? registry.tools.get(p.name) : undefined;
        if (entry && isVisible(ctx, entry.descriptor)) {
          const tool = entry.descriptor;
          return inModule(tool, 'tools/call', p, ctx, (params, c) => runTool(tool, params.arguments, c, options));
        }
        const mounted =
          mounts.length && typeof p.name === 'string' ? await callMounted(ctx, p.name, p.arguments) : undefined;
        if (mounted) return mounted;
        throw invalidParams(`Unknown tool: ${quoteInput(p.name)}`, {
          name: typeof p.name === 'string' ? clipInput(p.name) : p.name,
        });
      },
    ],
    [
      'resources/list',
      async (p, ctx) => {
        if (
          staticResources &&
          visibleTo(ctx, staticResources.entries, staticResources.open) === staticResources.entries
        ) {
          return served(staticResources.pages(p.cursor), 'resources');
        }
        const local = await listResources(registry, ctx, options);
        return page(
          'resources',
          mounts.length ? await mountedResources(mounts, ctx, local) : local,
          p.cursor,
          pageSize,
        );
      },
    ],
    [
      'resources/templates/list',
      lister('resources/templates/list', 'resourceTemplates', registry.templates, mountedTemplates as never),
    ],
    ['resources/read', (p, ctx) => readResource(registry, p.uri, ctx, options)],
    ['prompts/list', lister('prompts/list', 'prompts', registry.prompts, mountedPrompts as never)],
    ['prompts/get', (p, ctx) => getPrompt(registry, p.name, p.arguments, ctx, options)],
    ['completion/complete', (p, ctx) => complete(registry, p, ctx, options)],
  ]);
};
