import type { Server } from '@mcpkit/core';
import { appFetchHandler, type ClosableNodeHandler, type FetchHandler } from '../http/app.js';
import { appNodeHandler } from '../http/app-node-handler.js';
import type { SseOptions } from './options.js';
import { createSseApp } from './sse-app.js';

/** The legacy HTTP+SSE transport as a web-standard `fetch` handler (see `toFetchHandler`). */
export const toSseFetchHandler = (server: Server, options: SseOptions = {}): FetchHandler =>
  appFetchHandler(createSseApp(server, options), options);

/** The legacy HTTP+SSE transport as a Node handler (see `toNodeHandler`). */
export const toSseNodeHandler = (server: Server, options: SseOptions = {}): ClosableNodeHandler =>
  appNodeHandler(createSseApp(server, options), options);
