import type { ListKind } from '@mcpkit/core';
import { notification } from './messages.js';
import type { SessionCore } from './session-core.js';

/** Sends `notifications/resources/updated` when this session subscribed to `uri`. */
export const pushResourceUpdated = (core: SessionCore, uri: string): void => {
  if (core.closed || !core.record.subscriptions?.has(uri) || !core.channel) return;
  try {
    core.channel(notification('notifications/resources/updated', { uri }));
  } catch {
    // A broken channel is the transport's to notice; the session stays usable.
  }
};

/** Sends `notifications/<kind>/list_changed` on the standing channel, once initialized. */
export const pushListChanged = (core: SessionCore, kind: ListKind): void => {
  if (core.closed || core.record.hello === undefined || !core.channel) return;
  try {
    core.channel(notification(`notifications/${kind}/list_changed`));
  } catch {
    // The client re-lists on its next request anyway.
  }
};
