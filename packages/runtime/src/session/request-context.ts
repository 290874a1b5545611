import { type ContextInput, type Logger, McpkitError } from '@mcpkit/core';
import { clientFeatures, type OutgoingRoute } from './client-features.js';
import { createLogger } from './logger.js';
import { isRecord, notification } from './messages.js';
import type { RequestScope, SessionCore } from './session-core.js';
import { sessionInfo } from './session-info.js';
import type { Send } from './types.js';

/** Why client requests a finished request left behind were abandoned. */
export const requestFinished = () => new McpkitError('REQUEST_FINISHED', 'the request it belongs to already finished');

/** While the request runs its own stream is preferred; afterwards only the standing channel is left. */
const sendOf = (core: SessionCore, scope: RequestScope): Send | undefined =>
  scope.finished ? core.channel : (scope.related ?? core.channel);

/** Client requests end when the request is cancelled or once its response is out. */
const outgoingSignal = (scope: RequestScope): AbortSignal => {
  if (!scope.settled) {
    scope.settled = new AbortController();
    if (scope.finished) scope.settled.abort(requestFinished());
  }
  scope.outgoing ??= AbortSignal.any([scope.controller.signal, scope.settled.signal]);
  return scope.outgoing;
};

/**
 * `ctx.log` of the requests without a stream of their own: all log to the
 * standing channel, so one logger per session serves them all. (Made out here:
 * a closure made inside `requestContext` would keep that request alive.)
 */
const sessionLogger = (core: SessionCore): Logger => {
  // A stateless session has no standing channel (its transport never sets one): nothing it logs could arrive.
  if (core.stateless && core.channel === undefined) return core.shared.unheardLogger;
  // Kept only once initialized: an idle session (initialize only) keeps none.
  if (!core.hello) return createLogger(core, () => core.channel);
  core.logger ??= createLogger(core, () => core.channel);
  return core.logger;
};

/** `ctx.progress` of a request that sent no progress token: there is nowhere to report to. */
const noProgress = () => Promise.resolve();

const progressOf =
  (core: SessionCore, scope: RequestScope, token: string | number): ContextInput['progress'] =>
  async (progress, total, message) => {
    const out = sendOf(core, scope);
    if (scope.finished || core.closed || !out) return;
    const params: Record<string, unknown> = { progressToken: token, progress };
    if (total !== undefined) params.total = total;
    if (message !== undefined) params.message = message;
    try {
      out(notification('notifications/progress', params));
    } catch {
      // Progress is advisory: a failed write must not fail the handler.
    }
  };

/**
 * What the session hands `server.handle` for one request. `signal` is an
 * accessor: Node's AbortController makes its signal only when first asked (or
 * on abort), and making one is the costliest part of a request, while most
 * handlers never look. Core reads it at once today; a context that kept it
 * lazy would skip that cost for every request that never reads `ctx.signal`.
 */
class RequestInput implements ContextInput {
  readonly requestId: ContextInput['requestId'];
  readonly meta: ContextInput['meta'];
  readonly auth: ContextInput['auth'];
  readonly log: ContextInput['log'];
  readonly progress: ContextInput['progress'];
  readonly session: ContextInput['session'];
  readonly sample: ContextInput['sample'];
  readonly elicit: ContextInput['elicit'];
  readonly roots: ContextInput['roots'];
  readonly #controller: AbortController;

  constructor(core: SessionCore, scope: RequestScope) {
    const params = scope.params;
    const meta = isRecord(params) && isRecord(params._meta) ? params._meta : undefined;
    const token = meta?.progressToken;
    const route: OutgoingRoute = { send: () => sendOf(core, scope), signal: () => outgoingSignal(scope) };
    // Without a stream of its own, logs and list_changed go to the standing channel: the session's objects do.
    const own = scope.related !== undefined;
    const features = clientFeatures(core, route);
    this.#controller = scope.controller;
    this.requestId = scope.id;
    this.meta = meta;
    this.auth = scope.auth;
    this.log = own ? createLogger(core, route.send) : sessionLogger(core);
    this.progress =
      typeof token === 'string' || typeof token === 'number' ? progressOf(core, scope, token) : noProgress;
    this.session = sessionInfo(core, own ? route.send : undefined);
    this.sample = features.sample;
    this.elicit = features.elicit;
    this.roots = features.roots;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

/**
 * The real context for one request: logs, progress and client requests flow
 * back to the client. Built for the hot path: a request with no stream of its
 * own (stdio) shares the session's logger and `ctx.session`; nothing is made
 * for progress without a token, nor for client requests until one is sent.
 */
export const requestContext = (core: SessionCore, scope: RequestScope): ContextInput => new RequestInput(core, scope);
