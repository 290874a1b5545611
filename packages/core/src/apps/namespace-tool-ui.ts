import { LEGACY_RESOURCE_URI_KEY } from './constants.js';

/**
 * A tool's `_meta` with its view's URI moved under a namespace the way
 * `compose()` moves the view itself (`ui://board` → `ui://ns/board`), so the
 * link still leads to it; `undefined` when the tool has no view.
 */
export const namespaceToolUi = (
  meta: Readonly<Record<string, unknown>> | undefined,
  namespaceUri: (uri: string) => string,
): Readonly<Record<string, unknown>> | undefined => {
  const ui = meta?.ui as { readonly resourceUri?: unknown } | undefined;
  if (typeof ui?.resourceUri !== 'string' || !ui.resourceUri.startsWith('ui://')) return undefined;
  const resourceUri = namespaceUri(ui.resourceUri);
  const out: Record<string, unknown> = { ...meta, ui: { ...ui, resourceUri } };
  if (typeof meta?.[LEGACY_RESOURCE_URI_KEY] === 'string') out[LEGACY_RESOURCE_URI_KEY] = resourceUri;
  return Object.freeze(out);
};
