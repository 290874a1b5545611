import type { ClosableNodeHandler, HttpTransportApp } from './app.js';
import { type NodeListenerOptions, toNodeListener } from './node-adapter.js';

/** A built transport as a Node handler. */
export const appNodeHandler = (app: HttpTransportApp, options: NodeListenerOptions = {}): ClosableNodeHandler =>
  Object.assign(toNodeListener(app.router, options), { close: app.close });
