import type { Context } from '../context/context.js';
import { DefinitionError } from '../errors/errors.js';
import { resourceContents } from '../resource/read-result.js';
import { type ResourceDescriptor, resource } from '../resource/resource.js';
import type { CommonOptions } from '../server/component.js';
import type { MaybePromise } from '../utils/maybe-promise.js';
import { type AppResourceUi, appResourceUi } from './app-ui-meta.js';
import { APP_MIME_TYPE } from './constants.js';

/** What you pass to {@link appResource}. */
export interface AppResourceOptions extends CommonOptions, AppResourceUi {
  /** `ui://…`: the extension reserves the scheme for views. */
  readonly uri: string;
  readonly name?: string;
  /** The view: a complete HTML5 document, or a function giving it (read on every `resources/read`). */
  readonly html: string | ((ctx: Context) => MaybePromise<string>);
}

/**
 * Declares an MCP App view: a `ui://` resource whose contents are an HTML
 * document of type `text/html;profile=mcp-app`, with its security policy
 * (`csp`, `permissions`, `domain`) and `prefersBorder` sent as `_meta.ui`
 * both in `resources/list` and on the contents `resources/read` returns.
 * Link tools to it with their `ui: { resourceUri }` option.
 *
 * @example
 * const board = appResource({
 *   uri: 'ui://scores/board',
 *   html: '<!doctype html><html>…</html>',
 *   csp: { connectDomains: ['https://api.example.com'] },
 * });
 */
export const appResource = (options: AppResourceOptions): ResourceDescriptor => {
  const { uri, html, csp, permissions, domain, prefersBorder, meta, ...common } = options;
  if (typeof uri !== 'string' || !uri.startsWith('ui://') || uri.length <= 'ui://'.length) {
    throw new DefinitionError(`App resource URI '${String(uri)}' must use the ui:// scheme`);
  }
  if (typeof html !== 'string' && typeof html !== 'function') {
    throw new DefinitionError(`App resource '${uri}' needs html: a string or a function returning one`);
  }
  const ui = appResourceUi({ csp, permissions, domain, prefersBorder }, `App resource '${uri}'`);
  return resource({
    ...common,
    uri,
    mimeType: APP_MIME_TYPE,
    meta: { ...meta, ui },
    read: async (_params, ctx) => {
      const text = typeof html === 'string' ? html : await html(ctx);
      if (typeof text !== 'string') throw new Error(`App resource '${uri}': html() must return a string`);
      return resourceContents({ text, mimeType: APP_MIME_TYPE, meta: { ui } });
    },
  }) as ResourceDescriptor;
};
