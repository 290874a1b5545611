import { ErrorCode, ProtocolError, type SessionControl } from '@mcpkit/core';
import type { SessionCore } from './session-core.js';
import { admitHello, admitSubscription } from './session-limits.js';

/** Subscriptions need a standing channel to send updates on, which a stateless session never has. */
const assertStateful = (core: SessionCore) => {
  if (core.stateless)
    throw new ProtocolError(
      ErrorCode.InvalidRequest,
      'Resource subscriptions need a stateful session: this server runs stateless and cannot send updates',
    );
};

/**
 * What the session methods of the server's method table (`initialize`,
 * `logging/setLevel`, subscriptions) do to this session. Made once per
 * session, on its first request.
 */
export const sessionControl = (core: SessionCore): SessionControl => {
  core.control ??= {
    initialize: (hello) => {
      // What the session will keep from the client is bounded before it is kept (see session-limits.ts).
      const own = core.stateless || core.shared.internHello(hello) === hello;
      admitHello(core, core.shared.limits, hello, own);
      core.offered = hello;
    },
    setLogLevel: (level) => {
      core.record.level = level;
    },
    subscribe: (uri, auth) => {
      assertStateful(core);
      admitSubscription(core, core.shared.limits, core.shared.server, uri, auth);
      core.record.subscriptions ??= new Set();
      core.record.subscriptions.add(uri);
    },
    unsubscribe: (uri) => {
      assertStateful(core);
      core.record.subscriptions?.delete(uri);
    },
  };
  return core.control;
};
