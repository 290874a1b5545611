import type { Endpoint } from './endpoint.js';
import type { SessionEntry } from './session-table.js';
import { createStreams } from './streams.js';

/**
 * Opens a session with a fresh id and registers it. The id is a random UUID:
 * unguessable and visible ASCII, as the spec asks. Closing the session (DELETE,
 * eviction, shutdown) drops it from the table and ends its streams. `owner`
 * is the identity that opened it: only that identity may use it.
 */
export const openStatefulSession = (endpoint: Endpoint, owner?: string): SessionEntry => {
  const id = crypto.randomUUID();
  const streams = createStreams(`${id}.`, endpoint.store);
  const session = endpoint.hub.createSession({
    id,
    onClose: () => {
      endpoint.table.remove(id);
      streams.closeAll();
    },
  });
  const entry: SessionEntry = { id, session, streams, standaloneId: `${id}.standalone`, busy: 0, owner };
  endpoint.table.add(entry);
  return entry;
};
