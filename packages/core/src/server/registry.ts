import { DefinitionError } from '../errors/errors.js';
import type { MountDescriptor } from '../mount/mount.js';
import type { PromptDescriptor } from '../prompt/prompt.js';
import type { Prompt, Resource, ResourceTemplate, Tool } from '../protocol/types.js';
import type { ResourceDescriptor, ResourceTemplateDescriptor } from '../resource/resource.js';
import { type ParsedTemplate, parseUriTemplate } from '../resource/uri-template.js';
import { type RefInlining, refInlining } from '../schema/ref-inlining.js';
import type { ToolDescriptor } from '../tool/tool.js';
import { schemasWithin } from '../tool/tool-schemas.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import { type Component, componentKey } from './component.js';
import { promptDefinition, resourceDefinition, templateDefinition, toolDefinition } from './definitions.js';
import type { ServerOptions } from './options.js';

/** A registered component. Its wire definition comes from the registry's `definitionOf`. */
export interface Entry<D, W> {
  readonly descriptor: D;
  /** Phantom field: the type of the entry's wire definition; never set. */
  readonly '~definition'?: W;
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
  /** An entry's wire definition: made (and frozen) on first use, so tools/list, not construction, converts schemas. */
  readonly definitionOf: <W>(entry: Entry<Component, W>) => W;
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

/** The wire definition of a component, as its list shows it; tools' `$ref`s inlined to the server's `bounds` if set. */
const defineOf = (
  component: Exclude<Component, MountDescriptor>,
  bounds: Required<RefInlining> | undefined,
): unknown => {
  switch (component.kind) {
    case 'tool':
      return toolDefinition(component, bounds && schemasWithin(component, bounds));
    case 'resource':
      return resourceDefinition(component);
    case 'resourceTemplate':
      return templateDefinition(component);
    case 'prompt':
      return promptDefinition(component);
  }
};

/** An entry (a template's also carries its parsed URI template). */
const entryOf = (component: Exclude<Component, MountDescriptor>): Entry<Component, unknown> =>
  component.kind === 'resourceTemplate'
    ? ({ descriptor: component, parsed: parseUriTemplate(component.uriTemplate) } as TemplateEntry)
    : { descriptor: component };

const KINDS = new Set<unknown>(['tool', 'resource', 'resourceTemplate', 'prompt', 'mount']);

const isComponent = (value: unknown): value is Component =>
  typeof value === 'object' && value !== null && KINDS.has((value as Component).kind);

/**
 * Folds components into lookup maps, applying tag filters and the duplicate
 * policy; each wire definition is computed on first use, once.
 */
export const buildRegistry = (components: readonly Component[], options: ServerOptions): Registry => {
  const bounds = options.refInlining === undefined ? undefined : refInlining(options.refInlining, 'createServer()');
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
  // Indexed, not for-of: construction runs mostly before the JIT warms up, where iterators cost.
  for (let i = 0; i < components.length; i++) {
    const component = components[i] as Component;
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
  const descriptorOf = (entry: Entry<Component, unknown>) => entry.descriptor;
  const kept: Component[] = [tools, resources, templates, prompts].flatMap((map) =>
    Array.from(map.values() as Iterable<Entry<Component, unknown>>, descriptorOf),
  );
  kept.push(...mounts);
  const made = new Map<Entry<Component, unknown>, unknown>();
  const definitionOf = <W>(entry: Entry<Component, W>): W => {
    let definition = made.get(entry);
    if (definition === undefined) {
      definition = deepFreeze(defineOf(entry.descriptor as Exclude<Component, MountDescriptor>, bounds));
      made.set(entry, definition);
    }
    return definition as W;
  };
  return {
    components: Object.freeze(kept),
    tools,
    resources,
    templates,
    prompts,
    mounts: Object.freeze(mounts),
    definitionOf,
  };
};
