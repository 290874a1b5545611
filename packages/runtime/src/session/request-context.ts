import { type ContextInput, McpkitError } from '@mcpkit/core';
import { clientFeatures } from './client-features.js';
import { createLogger } from './logger.js';
import { isRecord, notification } from './messages.js';
import type { RequestScope, SessionCore } from './session-core.js';
import { sessionInfo } from './session-info.js';
import type { Send } from './types.js';

/** Why client requests a finished request left behind were abandoned. */
export const requestFinished = () => new McpkitError('REQUEST_FINISHED', 'the request it belongs to already finished');

/** The real context for one request: logs, progress and client requests flow back to the client. */
export const requestContext = (core: SessionCore, scope: RequestScope): ContextInput => {
  // While the request runs its own stream is preferred; afterwards only the standing channel is left.
  const send = (): Send | undefined => (scope.finished ? core.channel : (scope.related ?? core.channel));
  const meta = isRecord(scope.params) && isRecord(scope.params._meta) ? scope.params._meta : undefined;
  const token = meta?.progressToken;
  const hasToken = typeof token === 'string' || typeof token === 'number';
  let combined: AbortSignal | undefined;
  // Client requests end when the request is cancelled or once its response is out.
  const outgoing = () => {
    if (!scope.settled) {
      scope.settled = new AbortController();
      if (scope.finished) scope.settled.abort(requestFinished());
    }
    combined ??= AbortSignal.any([scope.controller.signal, scope.settled.signal]);
    return combined;
  };
  return {
    requestId: scope.id,
    meta,
    auth: scope.auth,
    signal: scope.controller.signal,
    log: createLogger(() => core.level, send),
    progress: async (progress, total, message) => {
      const out = send();
      if (!hasToken || scope.finished || core.closed || !out) return;
      const params: Record<string, unknown> = { progressToken: token, progress };
      if (total !== undefined) params.total = total;
      if (message !== undefined) params.message = message;
      try {
        out(notification('notifications/progress', params));
      } catch {
        // Progress is advisory: a failed write must not fail the handler.
      }
    },
    session: sessionInfo(core, send),
    ...clientFeatures(core, { send, signal: () => outgoing() }),
  };
};
