import type { PromptDescriptor } from '../prompt/prompt.js';
import type { Prompt, Resource, ResourceTemplate, Tool } from '../protocol/types.js';
import type { ResourceDescriptor, ResourceTemplateDescriptor } from '../resource/resource.js';
import type { ToolDescriptor } from '../tool/tool.js';
import type { ToolSchemas } from '../tool/tool-schemas.js';

/** A copy without the undefined members, so list results carry only what was declared (copied, not deleted, to keep the object fast). */
const compact = <T extends Record<string, unknown>>(value: T): T => {
  const kept: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) kept[key] = value[key];
  return kept as T;
};

/** A tool's wire definition; `schemas`, when given, replace its own (inlined to the server's bounds). */
// biome-ignore lint/suspicious/noExplicitAny: any tool
export const toolDefinition = (t: ToolDescriptor<any, any>, schemas?: ToolSchemas): Tool =>
  compact({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: schemas ? schemas.input : t.inputSchema,
    outputSchema: schemas ? schemas.output : t.outputSchema,
    annotations: t.annotations,
    icons: t.icons,
    _meta: t.meta,
  }) as Tool;

export const resourceDefinition = (r: ResourceDescriptor): Resource =>
  compact({
    uri: r.uri,
    name: r.name,
    title: r.title,
    description: r.description,
    mimeType: r.mimeType,
    size: r.size,
    annotations: r.annotations,
    icons: r.icons,
    _meta: r.meta,
  }) as Resource;

// biome-ignore lint/suspicious/noExplicitAny: any template
export const templateDefinition = (t: ResourceTemplateDescriptor<any>): ResourceTemplate =>
  compact({
    uriTemplate: t.uriTemplate,
    name: t.name,
    title: t.title,
    description: t.description,
    mimeType: t.mimeType,
    annotations: t.annotations,
    icons: t.icons,
    _meta: t.meta,
  }) as ResourceTemplate;

// biome-ignore lint/suspicious/noExplicitAny: any prompt
export const promptDefinition = (p: PromptDescriptor<any>): Prompt =>
  compact({
    name: p.name,
    title: p.title,
    description: p.description,
    arguments: p.arguments.length ? p.arguments : undefined,
    icons: p.icons,
    _meta: p.meta,
  }) as Prompt;
