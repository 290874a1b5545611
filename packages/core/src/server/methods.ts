import type { Context } from '../context/context.js';
import { invalidParams } from '../errors/errors.js';
import type { Handler } from '../middleware/middleware.js';
import { runTool } from '../tool/run-tool.js';
import { complete } from './complete.js';
import type { Component } from './component.js';
import { getPrompt } from './get-prompt.js';
import { listResources } from './list-resources.js';
import type { ServerOptions } from './options.js';
import { paginate } from './pagination.js';
import { readResource } from './read-resource.js';
import type { Registry } from './registry.js';
import { isVisible, visibleTo } from './visibility.js';

const page = <T>(key: string, items: readonly T[], cursor: unknown, pageSize: number | undefined) => {
  const { page: slice, nextCursor } = paginate(items, cursor, pageSize);
  return nextCursor ? { [key]: slice, nextCursor } : { [key]: slice };
};

/** The registry's request methods, by MCP method name. */
export const registryMethods = (registry: Registry, options: ServerOptions): ReadonlyMap<string, Handler> => {
  const { pageSize } = options;
  /** A list method over fixed entries; definitions are mapped once, and again only for sessions that hide some. */
  const lister = <E extends { descriptor: Component; definition: unknown }>(
    key: string,
    map: ReadonlyMap<string, E>,
  ) => {
    const entries = [...map.values()];
    const definitions = entries.map((e) => e.definition);
    const open = entries.every((e) => e.descriptor.access === undefined);
    return async (p: Readonly<Record<string, unknown>>, ctx: Context) => {
      const visible = visibleTo(ctx, entries, open);
      return page(key, visible === entries ? definitions : visible.map((e) => e.definition), p.cursor, pageSize);
    };
  };
  return new Map<string, Handler>([
    ['ping', async () => ({})],
    ['tools/list', lister('tools', registry.tools)],
    [
      'tools/call',
      async (p, ctx) => {
        const entry = typeof p.name === 'string' ? registry.tools.get(p.name) : undefined;
        if (!entry || !isVisible(ctx, entry.descriptor)) {
          throw invalidParams(`Unknown tool: ${JSON.stringify(p.name)}`, { name: p.name });
        }
        return runTool(entry.descriptor, p.arguments, ctx, options);
      },
    ],
    [
      'resources/list',
      async (p, ctx) => page('resources', await listResources(registry, ctx, options), p.cursor, pageSize),
    ],
    ['resources/templates/list', lister('resourceTemplates', registry.templates)],
    ['resources/read', (p, ctx) => readResource(registry, p.uri, ctx, options)],
    ['prompts/list', lister('prompts', registry.prompts)],
    ['prompts/get', (p, ctx) => getPrompt(registry, p.name, p.arguments, ctx, options)],
    ['completion/complete', (p, ctx) => complete(registry, p, ctx, options)],
  ]);
};
