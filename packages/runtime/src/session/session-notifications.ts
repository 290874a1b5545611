import { McpkitError } from '@mcpkit/core';
import { clientFeatures } from './client-features.js';
import { findRequest } from './inflight.js';
import { isRecord, isRequestId } from './messages.js';
import type { SessionCore } from './session-core.js';
import { sessionInfo } from './session-info.js';

const cancel = (core: SessionCore, params: unknown) => {
  const requestId = isRecord(params) ? params.requestId : undefined;
  const scope = isRequestId(requestId) ? findRequest(core, requestId) : undefined;
  // Unknown or finished requests are ignored, as the spec asks.
  if (!scope) return;
  scope.cancelled = true;
  const reason = isRecord(params) && typeof params.reason === 'string' ? `: ${params.reason}` : '';
  scope.controller.abort(new McpkitError('CANCELLED', `The client cancelled the request${reason}`));
};

const rootsChanged = (core: SessionCore) => {
  const onRootsChanged = core.shared.onRootsChanged;
  if (!onRootsChanged || core.record.hello === undefined) return;
  // Tied to no request: only the standing channel can carry roots/list, and only close cancels it.
  let never: AbortSignal | undefined;
  const { roots } = clientFeatures(core, {
    send: () => core.channel,
    signal: () => {
      never ??= new AbortController().signal;
      return never;
    },
  });
  // App code may be async: a failure is reported, never an unhandled rejection.
  Promise.resolve()
    .then(() => onRootsChanged({ session: sessionInfo(core), roots }))
    .catch((error) => console.error('mcpkit: onRootsChanged failed:', error));
};

/**
 * Handles a notification from the client. `notifications/initialized` needs
 * nothing: the session is usable once initialize is answered.
 */
export const onNotification = (core: SessionCore, method: string, params: unknown): void => {
  if (method === 'notifications/cancelled') cancel(core, params);
  else if (method === 'notifications/roots/list_changed') rootsChanged(core);
};
