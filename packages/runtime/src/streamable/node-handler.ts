import type { Server } from '@mcpkit/core';
import type { ClosableNodeHandler } from '../http/app.js';
import { appNodeHandler } from '../http/app-node-handler.js';
import { createHttpApp } from './http-app.js';
import type { HttpOptions } from './options.js';

/**
 * Serves `server` over Streamable HTTP as a Node handler for node:http,
 * Express or Fastify. A body Express's `json()` already parsed is accepted.
 * Paths are matched against `req.url`, so `app.use('/api', handler)` serves
 * `/api/mcp`.
 *
 * @example
 * const app = express();
 * app.use(toNodeHandler(server));
 * app.listen(3000);
 */
export const toNodeHandler = (server: Server, options: HttpOptions = {}): ClosableNodeHandler =>
  appNodeHandler(createHttpApp(server, options), options);
