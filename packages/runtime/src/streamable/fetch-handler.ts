import type { Server } from '@mcpkit/core';
import type { HttpOptions } from '../http/options.js';
import { notFound } from '../http/responses.js';
import { fromWebRequest, toWebResponse } from '../http/web-adapter.js';
import { createHttpApp } from './http-app.js';

/** A web-standard request handler that can also end its sessions. */
export type FetchHandler = ((request: Request) => Promise<Response>) & {
  /** Ends every session this handler holds (call on shutdown). */
  readonly close: () => void;
};

/**
 * Serves `server` over Streamable HTTP as a web-standard `fetch` handler, for
 * Hono, Bun, Deno, Cloudflare Workers and anything else speaking
 * Request/Response. Loads no `node:*` module. Unmatched paths get 404.
 *
 * @example
 * const handler = toFetchHandler(server, { cors: true });
 * Bun.serve({ fetch: handler });
 */
export const toFetchHandler = (server: Server, options: HttpOptions = {}): FetchHandler => {
  const app = createHttpApp(server, options);
  const handler = async (request: Request): Promise<Response> =>
    toWebResponse((await app.router(fromWebRequest(request))) ?? notFound(), options.maxStreamBufferBytes);
  return Object.assign(handler, { close: app.close });
};
