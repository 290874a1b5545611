import type { Server } from '@mcpkit/core';
import { type NodeHandler, toNodeListener } from '../http/node-adapter.js';
import type { HttpOptions } from '../http/options.js';
import { createHttpApp } from './http-app.js';

/** A Node request handler that can also end its sessions. */
export type ClosableNodeHandler = NodeHandler & {
  /** Ends every session this handler holds (call on shutdown). */
  readonly close: () => void;
};

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
export const toNodeHandler = (server: Server, options: HttpOptions = {}): ClosableNodeHandler => {
  const app = createHttpApp(server, options);
  return Object.assign(toNodeListener(app.router, options), { close: app.close });
};
