import { DefinitionError } from '../errors/errors.js';
import type { MountDescriptor } from '../mount/mount.js';
import type { PromptDescriptor } from '../prompt/prompt.js';
import type { Prompt, Resource, ResourceTemplate, Tool } from '../protocol/types.js';
import type { ResourceDescriptor, ResourceTemplateDescriptor } from '../resource/resource.js';
import { type ParsedTemplate, parseUriTemplate } from '../resource/uri-template.js';
import type { ToolDescriptor } from '../tool/tool.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import { type Component, componentKey } from './component.js';
import { promptDefinition, resourceDefinition, templateDefinition, toolDefinition } from './definitions.js';
import type { ServerOptions } from './options.js';

/** A component with its wire definition, computed once. */
export interface Entry<D, W> {
  readonly descriptor: D;
  readonly definition: W;
}

/** A template entry also carries its parsed template. */
// biome-ignore lint/suspicious/noExplicitAny: any template
export interface TemplateEntry extends Entry<ResourceTemplateDescriptor<any>, ResourceTemplate> {
  readonly parsed: ParsedTemplate;
}

/** The folded components of a server, looked up by name or URI. */
export interface Registry {
  readonly components: readonly Component[];
  // biome-ignore lint/suspicious/noExplicitAny: any tool
  readonly tools: ReadonlyMap<string, Entry<ToolDescriptor<any, any>, Tool>>;
  readonly resources: ReadonlyMap<string, Entry<ResourceDescriptor, Resource>>;
  readonly templates: ReadonlyMap<string, TemplateEntry>;
  // biome-ignore lint/suspicious/noExplicitAny: any prompt
  readonly prompts: ReadonlyMap<string, Entry<PromptDescriptor<any>, Prompt>>;
  /** Live mounts, in order: asked after the local components. */
  readonly mounts: readonly MountDescriptor[];
}

const KIND_LABEL: Record<Component['kind'], string> = {
  tool: 'tool',
  resource: 'resource',
  resourceTemplate: 'resource template',
  prompt: 'prompt',
  mount: 'mount',
};

const keep = (component: Component, options: ServerOptions): boolean => {
  const { include, exclude } = options;
  if (exclude?.some((tag) => component.tags.includes(tag))) return false;
  if (include && !include.some((tag) => component.tags.includes(tag))) return false;
  return true;
};

const put = <T>(map: Map<string, T>, key: string, value: T, kind: Component['kind'], options: ServerOptions): void => {
  if (map.has(key)) {
    const policy = options.onDuplicate ?? 'error';
    const message = `Duplicate ${KIND_LABEL[kind]} '${key}'`;
    if (policy === 'error')
      throw new DefinitionError(`${message} (set onDuplicate to 'replace', 'warn' or 'ignore' to allow it)`);
    if (policy === 'ignore') return;
    if (policy === 'warn') (options.warn ?? console.warn)(`${message}: the later one replaces the earlier`);
  }
  map.set(key, value);
};

/** A component with its wire definition (and, for a template, its parsed URI template). */
const entryOf = (component: Exclude<Component, MountDescriptor>): Entry<Component, unknown> => {
  switch (component.kind) {
    case 'tool':
      return { descriptor: component, definition: toolDefinition(component) };
    case 'resource':
      return { descriptor: component, definition: resourceDefinition(component) };
    case 'resourceTemplate':
      return {
        descriptor: component,
        definition: templateDefinition(component),
        parsed: parseUriTemplate(component.uriTemplate),
      } as TemplateEntry;
    case 'prompt':
      return { descriptor: component, definition: promptDefinition(component) };
  }
};

const isComponent = (value: unknown): value is Component =>
  typeof value === 'object' &&
  value !== null &&
  ['tool', 'resource', 'resourceTemplate', 'prompt', 'mount'].includes((value as Component).kind);

/**
 * Folds components into lookup maps, applying tag filters and the duplicate
 * policy, and computes every wire definition once.
 */
export const buildRegistry = (components: readonly Component[], options: ServerOptions): Registry => {
  const tools = new Map<string, Registry['tools'] extends ReadonlyMap<string, infer E> ? E : never>();
  const resources = new Map<string, Entry<ResourceDescriptor, Resource>>();
  const templates = new Map<string, TemplateEntry>();
  const prompts = new Map<string, Registry['prompts'] extends ReadonlyMap<string, infer E> ? E : never>();
  const mounts: MountDescriptor[] = [];
  const maps: Record<Exclude<Component['kind'], 'mount'>, Map<string, unknown>> = {
    tool: tools,
    resource: resources,
    resourceTemplate: templates,
    prompt: prompts,
  };
  for (const component of components) {
    if (!isComponent(component)) {
      throw new DefinitionError(
        `createServer() got ${JSON.stringify(component)?.slice(0, 80)}, which is not a tool, resource or prompt (spread modules: [...module])`,
      );
    }
    if (!keep(component, options)) continue;
    if (component.kind === 'mount') mounts.push(component);
    else {
      put(maps[component.kind], componentKey(component), entryOf(component), component.kind, options);
    }
  }
  const kept = [
    ...[...tools.values()].map((e) => e.descriptor),
    ...[...resources.values()].map((e) => e.descriptor),
    ...[...templates.values()].map((e) => e.descriptor),
    ...[...prompts.values()].map((e) => e.descriptor),
  ];
  for (const map of [tools, resources, templates, prompts]) for (const entry of map.values()) deepFreeze(entry);
  return {
    components: Object.freeze([...kept, ...mounts]),
    tools,
    resources,
    templates,
    prompts,
    mounts: Object.freeze(mounts),
  };
};
