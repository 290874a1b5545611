import { ErrorCode, ProtocolError, type SessionControl } from '@mcpkit/core';
import { type ListenHandle, listenCancelled, listenClosedResult } from '../events/listen.js';
import type { InFlightRequest, SessionCore } from './session-core.js';
import type { ListenStream } from './types.js';

const unavailable = (method: string) => () => {
  throw new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
};

/**
 * The session control of a modern `subscriptions/listen` request: `listen`
 * opens the subscription on the hub, sending on the request's own stream, and
 * settles when it ends. The client going away (stream closed, request
 * cancelled) aborts the request, which closes the subscription; its answer is
 * then never sent. The session-state members do not exist on this era.
 */
export const listenControl = (
  core: SessionCore,
  request: InFlightRequest,
  stream: ListenStream = {},
): SessionControl => ({
  initialize: unavailable('initialize'),
  setLogLevel: unavailable('logging/setLevel'),
  subscribe: unavailable('resources/subscribe'),
  unsubscribe: unavailable('resources/unsubscribe'),
  listen: (notifications, auth) =>
    new Promise((resolve, reject) => {
      const { id } = request;
      const send = (message: object) => (request.related ?? core.channel)?.(message as never);
      let handle: ListenHandle | undefined;
      let settled = false;
      const finish = (graceful: boolean) => {
        if (settled) return;
        settled = true;
        handle?.close();
        if (graceful && stream.serverEnd === 'answer') request.answerAfterClose = true;
        else if (graceful) {
          send(listenCancelled(id));
          request.cancelled = true;
        }
        resolve(listenClosedResult(id));
      };
      const signal = request.controller.signal;
      core.shared.listen({ id, notifications, send, onServerEnd: () => finish(true), auth }).then((opened) => {
        if (opened instanceof ProtocolError) return reject(opened);
        handle = opened;
        if (signal.aborted) return finish(false);
        signal.addEventListener('abort', () => finish(false), { once: true });
        stream.opened?.(() => finish(true));
      }, reject);
    }),
});
