import type { ListKind } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SessionCore } from './session-core.js';

/** Sends `notifications/resources/updated` when this session subscribed to `uri`. */
export const pushResourceUpdated = (core: SessionCore, uri: string): void => {
  if (core.closed || !core.subscriptions?.has(uri) || !core.channel) return;
  try {
    core.channel({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri } } as JSONRPCMessage);
  } catch {
    // A broken channel is the transport's to notice; the session stays usable.
  }
};

/** Sends `notifications/<kind>/list_changed` on the standing channel, once initialized. */
export const pushListChanged = (core: SessionCore, kind: ListKind): void => {
  if (core.closed || !core.initialized || !core.channel) return;
  try {
    core.channel({ jsonrpc: '2.0', method: `notifications/${kind}/list_changed` } as JSONRPCMessage);
  } catch {
    // The client re-lists on its next request anyway.
  }
};
