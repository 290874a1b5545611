import type { Server } from '@mcpkit/core';
import { appFetchHandler, type FetchHandler } from '../http/app.js';
import { createHttpApp } from './http-app.js';
import type { HttpOptions } from './options.js';

/**
 * Serves `server` over Streamable HTTP as a web-standard `fetch` handler, for
 * Hono, Bun, Deno, Cloudflare Workers and anything else speaking
 * Request/Response. Loads no `node:*` module. Unmatched paths get 404.
 *
 * @example
 * const handler = toFetchHandler(server, { cors: true });
 * Bun.serve({ fetch: handler });
 */
export const toFetchHandler = (server: Server, options: HttpOptions = {}): FetchHandler =>
  appFetchHandler(createHttpApp(server, options), options);
