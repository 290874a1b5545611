import type { ExtensionSettings } from '../extension/extensions.js';
import type { ServerCapabilities } from '../protocol/types.js';
import type { Registry } from './registry.js';

/**
 * Capabilities from what is registered. `listChanged` and `subscribe` are
 * declared because the runtime implements them (per-session enable/disable,
 * resource subscriptions); logging is always available through `ctx.log`;
 * `extensions` are those the server was given.
 */
export const deriveCapabilities = (registry: Registry, extensions?: ExtensionSettings): ServerCapabilities => {
  const capabilities: ServerCapabilities = { logging: {} };
  // What a mount serves is only known at request time, so a mount declares every kind.
  const mounted = registry.mounts.length > 0;
  if (mounted || registry.tools.size) capabilities.tools = { listChanged: true };
  if (mounted || registry.resources.size || registry.templates.size) {
    capabilities.resources = { subscribe: true, listChanged: true };
  }
  if (mounted || registry.prompts.size) capabilities.prompts = { listChanged: true };
  if (mounted || registry.prompts.size || registry.templates.size) capabilities.completions = {};
  if (extensions && Object.keys(extensions).length) capabilities.extensions = extensions;
  return capabilities;
};
