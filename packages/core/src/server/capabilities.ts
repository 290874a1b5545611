import type { ServerCapabilities } from '../protocol/types.js';
import type { Registry } from './registry.js';

/**
 * Capabilities from what is registered. `listChanged` and `subscribe` are
 * declared because the runtime implements them (per-session enable/disable,
 * resource subscriptions); logging is always available through `ctx.log`.
 */
export const deriveCapabilities = (registry: Registry): ServerCapabilities => {
  const capabilities: ServerCapabilities = { logging: {} };
  if (registry.tools.size) capabilities.tools = { listChanged: true };
  if (registry.resources.size || registry.templates.size)
    capabilities.resources = { subscribe: true, listChanged: true };
  if (registry.prompts.size) capabilities.prompts = { listChanged: true };
  if (registry.prompts.size || registry.templates.size) capabilities.completions = {};
  return capabilities;
};
