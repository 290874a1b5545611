import type { ExtensionSettings } from '../extension/extensions.js';
import { isRecord } from '../protocol/jsonrpc.js';
import type { Registry } from '../server/registry.js';
import { APP_MIME_TYPE, APPS_EXTENSION } from './constants.js';

/** What a server advertises for MCP Apps when its components use them: the view MIME types it serves. */
export const APPS_EXTENSION_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  mimeTypes: Object.freeze([APP_MIME_TYPE]),
});

/** Whether a registered component uses MCP Apps: a view (a resource of the app MIME type) or a tool with `_meta.ui`. */
const usesApps = (registry: Registry): boolean => {
  for (const { descriptor } of registry.resources.values()) if (descriptor.mimeType === APP_MIME_TYPE) return true;
  for (const { descriptor } of registry.templates.values()) if (descriptor.mimeType === APP_MIME_TYPE) return true;
  for (const { descriptor } of registry.tools.values()) if (isRecord(descriptor.meta?.ui)) return true;
  return false;
};

/**
 * The extensions to advertise: the author's, plus `io.modelcontextprotocol/ui`
 * with `{ mimeTypes: ['text/html;profile=mcp-app'] }` when a component uses
 * MCP Apps (an `appResource()` view, a tool's `ui` option) and the author did
 * not set that key (their settings win, so they can also send others).
 */
export const withAppsExtension = (
  extensions: ExtensionSettings | undefined,
  registry: Registry,
): ExtensionSettings | undefined => {
  if (extensions && Object.hasOwn(extensions, APPS_EXTENSION)) return extensions;
  if (!usesApps(registry)) return extensions;
  return { ...extensions, [APPS_EXTENSION]: APPS_EXTENSION_SETTINGS };
};
