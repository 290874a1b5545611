import type { Server } from '@mcpkit/core';
import { toNodeListener } from '../http/node-adapter.js';
import { notFound } from '../http/responses.js';
import { fromWebRequest, toWebResponse } from '../http/web-adapter.js';
import type { FetchHandler } from '../streamable/fetch-handler.js';
import type { ClosableNodeHandler } from '../streamable/node-handler.js';
import type { SseOptions } from './options.js';
import { createSseApp } from './sse-app.js';

/** The legacy HTTP+SSE transport as a web-standard `fetch` handler (see `toFetchHandler`). */
export const toSseFetchHandler = (server: Server, options: SseOptions = {}): FetchHandler => {
  const app = createSseApp(server, options);
  const handler = async (request: Request): Promise<Response> =>
    toWebResponse((await app.router(fromWebRequest(request))) ?? notFound(), options.maxStreamBufferBytes);
  return Object.assign(handler, { close: app.close });
};

/** The legacy HTTP+SSE transport as a Node handler (see `toNodeHandler`). */
export const toSseNodeHandler = (server: Server, options: SseOptions = {}): ClosableNodeHandler => {
  const app = createSseApp(server, options);
  return Object.assign(toNodeListener(app.router, options), { close: app.close });
};
