import type { Context } from '../context/context.js';
import { listInModules } from '../middleware/module-middleware.js';
import type { Resource } from '../protocol/types.js';
import { expandTemplate } from '../resource/expand-template.js';
import { handlerError } from './handler-error.js';
import type { ServerOptions } from './options.js';
import type { Registry, TemplateEntry } from './registry.js';
import { visibleTo } from './visibility.js';

const listed = async (entry: TemplateEntry, ctx: Context, options: ServerOptions): Promise<Resource[]> => {
  const { list, name, mimeType } = entry.descriptor;
  if (!list) return [];
  try {
    const items = await list(ctx);
    return items.map((item) => {
      const uri = expandTemplate(entry.parsed, item.params as Record<string, unknown>);
      const resource: Resource = { uri, name: item.name ?? uri };
      if (item.title) resource.title = item.title;
      if (item.description) resource.description = item.description;
      if (item.mimeType ?? mimeType) resource.mimeType = item.mimeType ?? mimeType;
      return resource;
    });
  } catch (error) {
    throw handlerError(error, `listing resources of template '${name}'`, options.maskErrorDetails);
  }
};

/** Static resources, then the concrete resources each template's `list()` enumerates. */
export const listResources = async (
  registry: Registry,
  ctx: Context,
  options: ServerOptions,
): Promise<readonly Resource[]> => {
  const statics = visibleTo(ctx, [...registry.resources.values()]);
  const templates = visibleTo(ctx, [...registry.templates.values()]).filter((e) => e.descriptor.list);
  const groups = [
    ...statics.map((e) => ({ component: e.descriptor, items: [registry.definitionOf(e)] })),
    ...(await Promise.all(
      templates.map(async (e) => ({ component: e.descriptor, items: await listed(e, ctx, options) })),
    )),
  ];
  return listInModules(groups, 'resources/list', 'resources', ctx);
};
