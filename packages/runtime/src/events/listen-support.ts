import type { ServerCapabilities } from '@mcpkit/core';
import type { ListenSupport } from './listen.js';

/**
 * What a `subscriptions/listen` stream can honour, from the capabilities the
 * server advertises: a list kind when its list declares `listChanged`,
 * per-URI updates when resources declare `subscribe`.
 */
export const listenSupportOf = (capabilities: ServerCapabilities): ListenSupport => ({
  tools: capabilities.tools?.listChanged === true,
  prompts: capabilities.prompts?.listChanged === true,
  resources: capabilities.resources?.listChanged === true,
  resourceUpdates: capabilities.resources?.subscribe === true,
});
