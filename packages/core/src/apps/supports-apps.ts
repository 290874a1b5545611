import type { Context } from '../context/context.js';
import { clientExtension } from '../extension/client-extension.js';
import { APP_MIME_TYPE, APPS_EXTENSION } from './constants.js';

/**
 * Whether the client serving this request renders MCP App views: it declared
 * the `io.modelcontextprotocol/ui` extension with `text/html;profile=mcp-app`
 * among its `mimeTypes` (the one setting the extension makes required). A
 * tool with a view checks it to degrade to plain text elsewhere.
 *
 * @example
 * run: (args, ctx) => (supportsApps(ctx) ? callResult({ content, structuredContent }) : 'The counter is at 3.')
 */
export const supportsApps = (ctx: Pick<Context, 'session'>): boolean => {
  const mimeTypes = clientExtension(ctx, APPS_EXTENSION)?.mimeTypes;
  return Array.isArray(mimeTypes) && mimeTypes.includes(APP_MIME_TYPE);
};
