import type { CommonHttpOptions, ListenOptions } from '../http/options.js';
import type { RuntimeOptions } from '../lifespan/start-runtime.js';

/** Options of the legacy HTTP+SSE transport (protocol revision 2024-11-05). */
export interface SseOptions extends CommonHttpOptions {
  /** Where clients open the event stream. Default `/sse`. */
  readonly ssePath?: string;
  /** Where clients POST messages (`?sessionId=` added). Default `/messages`. */
  readonly messagePath?: string;
}

/** Options of `serveSse`: transport, address, and lifespan / onRootsChanged (when no `hub` is given). */
export type ServeSseOptions = SseOptions & ListenOptions & RuntimeOptions;
