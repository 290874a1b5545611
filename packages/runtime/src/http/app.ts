import type { NodeHandler, NodeListenerOptions } from './node-adapter.js';
import { notFound } from './responses.js';
import type { Router } from './router.js';
import { fromWebRequest, toWebResponse } from './web-adapter.js';

/** One HTTP transport, built: its routes and how to end its sessions. Streamable HTTP and legacy SSE both make one. */
export interface HttpTransportApp {
  readonly router: Router;
  /** Ends every session the transport holds (and so every open stream). */
  readonly close: () => void;
}

/** A web-standard request handler that can also end its sessions. */
export type FetchHandler = ((request: Request) => Promise<Response>) & {
  /** Ends every session this handler holds (call on shutdown). */
  readonly close: () => void;
};

/** A Node request handler that can also end its sessions. */
export type ClosableNodeHandler = NodeHandler & {
  /** Ends every session this handler holds (call on shutdown). */
  readonly close: () => void;
};

/** A built transport as a web-standard `fetch` handler; unmatched paths get 404. Loads no `node:*` module. */
export const appFetchHandler = (app: HttpTransportApp, options: NodeListenerOptions = {}): FetchHandler => {
  const handler = async (request: Request): Promise<Response> =>
    toWebResponse((await app.router(fromWebRequest(request))) ?? notFound(), options.maxStreamBufferBytes);
  return Object.assign(handler, { close: app.close });
};
