import type { ComponentRef } from '../context/component-ref.js';
import type { MountDescriptor } from '../mount/mount.js';
import type { PromptDescriptor } from '../prompt/prompt.js';
import type { ResourceDescriptor, ResourceTemplateDescriptor } from '../resource/resource.js';
import type { ToolDescriptor } from '../tool/tool.js';

export type { CommonOptions, ComponentBase } from './component-base.js';

/** Anything `createServer()` accepts in its component list. */
export type Component =
  // biome-ignore lint/suspicious/noExplicitAny: a list holds tools of every input and output type
  | ToolDescriptor<any, any>
  | ResourceDescriptor
  // biome-ignore lint/suspicious/noExplicitAny: likewise for template params
  | ResourceTemplateDescriptor<any>
  // biome-ignore lint/suspicious/noExplicitAny: likewise for prompt args
  | PromptDescriptor<any>
  | MountDescriptor;

/** A module: a frozen list of components, made by `compose()` and spread into a server. */
export type Module = readonly Component[];

/** The name a component is addressed by: its name, or for a static resource its URI. */
export const componentKey = (component: Component): string => {
  switch (component.kind) {
    case 'resource':
      return component.uri;
    case 'resourceTemplate':
      return component.uriTemplate;
    case 'mount':
      return `mount:${component.layers.map((layer) => layer.namespace).join('/')}`;
    default:
      return component.name;
  }
};

/** What a session's visibility rules see of a component (see `SessionInfo.isEnabled`). */
export const componentRef = (component: Component): ComponentRef => ({
  kind: component.kind,
  key: componentKey(component),
  tags: component.tags,
});
