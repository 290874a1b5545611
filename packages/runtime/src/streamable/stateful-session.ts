import type { EndpointState } from './endpoint.js';
import type { SessionEntry } from './session-table.js';
import { createStreams, type Streams } from './streams.js';

/** The id of a session's standalone (GET) stream, stable for the session's life. */
export const standaloneStreamId = (entry: SessionEntry): string => `${entry.id}.standalone`;

/**
 * Opens a session with a fresh id and registers it. The id is a random UUID:
 * unguessable and visible ASCII, as the spec asks. Closing the session (DELETE,
 * eviction, shutdown) drops it from the table and ends its streams. `owner`
 * is the identity that opened it: only that identity may use it. With a
 * shared session store the entry is bound to it before initialize runs.
 */
export const openStatefulSession = (endpoint: EndpointState, owner?: string, existingId?: string): SessionEntry => {
  // An existing id: the local copy of a session another instance opened (a shared session store).
  const id = existingId ?? crypto.randomUUID();
  let streams: Streams | undefined;
  const session = endpoint.hub.createSession({
    id,
    onClose: () => {
      endpoint.table.remove(id);
      streams?.closeAll();
    },
  });
  const entry: SessionEntry = {
    id,
    session,
    streams: () => {
      streams ??= createStreams(`${id}.`, endpoint.store, endpoint.shared ? `${id}.standalone` : undefined);
      return streams;
    },
    streaming: () => streams !== undefined && streams.openCount() > 0,
    busy: 0,
    usedAt: Date.now(),
    owner,
  };
  endpoint.table.add(entry);
  endpoint.shared?.bind(entry);
  return entry;
};
