import {
  type AuthInfo,
  ClientUnavailableError,
  type Era,
  type HttpRequestInfo,
  type Logger,
  type LoggingLevel,
  McpkitError,
  type McpRequest,
  type ModernFacts,
  type RequestId,
  type RequestWiring,
  type SessionControl,
} from '@mcpkit/core';
import { clientFeatures, type OutgoingRoute } from './client-features.js';
import { listenControl } from './listen-control.js';
import { createLogger } from './logger.js';
import { isRecord, notification } from './messages.js';
import { sessionControl } from './session-control.js';
import type { SessionCore } from './session-core.js';
import { RequestSessionInfo, sessionInfo } from './session-info.js';
import type { ReceiveExtra, Send } from './types.js';

/** Why client requests a finished request left behind were abandoned. */
export const requestFinished = () => new McpkitError('REQUEST_FINISHED', 'the request it belongs to already finished');

/** While the request runs its own stream is preferred; afterwards only the standing channel is left. */
const sendOf = (core: SessionCore, scope: RunningRequest): Send | undefined =>
  scope.finished ? core.channel : (scope.related ?? core.channel);

/** Client requests end when the request is cancelled or once its response is out. */
const outgoingSignal = (scope: RunningRequest): AbortSignal => {
  if (!scope.settled) {
    scope.settled = new AbortController();
    if (scope.finished) scope.settled.abort(requestFinished());
  }
  scope.outgoing ??= AbortSignal.any([scope.controller.signal, scope.settled.signal]);
  return scope.outgoing;
};

/**
 * `ctx.log` of the requests without a stream of their own: all log to the
 * standing channel, so one logger per session serves them all. (Made out here,
 * not in the `RunningRequest` constructor: a closure made there would keep
 * that request alive.)
 */
const sessionLogger = (core: SessionCore): Logger => {
  // A stateless session has no standing channel (its transport never sets one): nothing it logs could arrive.
  if (core.stateless && core.channel === undefined) return core.shared.unheardLogger;
  // Kept only once initialized: an idle session (initialize only) keeps none.
  if (!core.record.hello) return createLogger(core.record, () => core.channel);
  core.logger ??= createLogger(core.record, () => core.channel);
  return core.logger;
};

/** The client calls a modern request's wiring offers: none reach the client (core's replay stands in for them). */
const unreachableOnModern = () =>
  Promise.reject(
    new ClientUnavailableError('no-client', 'a 2026-07-28 request sends no requests to the client; core replays them'),
  );
const MODERN_CLIENT = {
  sample: unreachableOnModern,
  elicit: unreachableOnModern as NonNullable<RequestWiring['elicit']>,
  roots: unreachableOnModern,
};

/** `ctx.progress` of a request that sent no progress token: there is nowhere to report to. */
const noProgress = () => Promise.resolve();

const progressOf =
  (core: SessionCore, scope: RunningRequest, token: string | number): NonNullable<RequestWiring['progress']> =>
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
 * One request while the session runs it: the request model the server
 * dispatches (its facts read once, here, from the message and the session's
 * hello) and the live wiring its context is built from (logs, progress and
 * client requests flow back to the client; `signal` aborts on cancel or
 * close). Built for the hot path: a request with no stream of its own (stdio)
 * shares the session's logger and `ctx.session`; nothing is made for progress
 * without a token, nor for client requests until one is sent.
 */
export class RunningRequest implements McpRequest, RequestWiring {
  readonly id: RequestId;
  readonly method: string;
  readonly params: unknown;
  readonly meta: McpRequest['meta'];
  readonly era: Era;
  readonly protocolVersion: string | undefined;
  readonly clientInfo: McpRequest['clientInfo'];
  readonly clientCapabilities: McpRequest['clientCapabilities'];
  readonly logLevel: LoggingLevel | undefined;
  readonly auth: AuthInfo | undefined;
  readonly http: HttpRequestInfo | undefined;
  /** Aborts `ctx.signal`: client cancellation or session close. */
  readonly controller = new AbortController();
  /** Aborted once the response is out; created on the first request to the client (most requests make none). */
  settled: AbortController | undefined = undefined;
  /** `controller` and `settled` combined: what ends this request's own requests to the client. */
  outgoing: AbortSignal | undefined = undefined;
  /** The request's own stream, when the transport gave it one. */
  readonly related: Send | undefined;
  /** Set once the response is out: later messages go to the standing channel. */
  finished = false;
  /** Set when the client cancelled it: its response is never sent. */
  cancelled = false;
  /** Set when the server ended it on purpose (a listen stream at shutdown): answered even if the session closes meanwhile. */
  answerAfterClose = false;
  readonly log: Logger;
  readonly progress: NonNullable<RequestWiring['progress']>;
  readonly session: NonNullable<RequestWiring['session']>;
  readonly sample: NonNullable<RequestWiring['sample']>;
  readonly elicit: NonNullable<RequestWiring['elicit']>;
  readonly roots: NonNullable<RequestWiring['roots']>;
  readonly '~session': SessionControl | undefined;

  constructor(
    core: SessionCore,
    id: RequestId,
    method: string,
    params: unknown,
    related: Send | undefined,
    /** What the transport knows of the message: the sender's identity, the HTTP request, a listen stream's handling. */
    extra: ReceiveExtra | undefined,
    /** A modern (2026-07-28) request's own envelope; absent on the legacy era. */
    facts?: ModernFacts,
  ) {
    const meta = isRecord(params) && isRecord(params._meta) ? params._meta : undefined;
    this.id = id;
    this.method = method;
    this.params = params;
    this.meta = meta;
    this.auth = extra?.auth;
    this.http = extra?.http;
    this.related = related;
    const token = meta?.progressToken;
    const route: OutgoingRoute = { send: () => sendOf(core, this), signal: () => outgoingSignal(this) };
    if (facts) {
      this.era = 'modern';
      this.protocolVersion = facts.protocolVersion;
      this.clientInfo = facts.clientInfo;
      this.clientCapabilities = facts.clientCapabilities;
      this.logLevel = facts.logLevel;
      // Log messages only when this request asked for them, and only on its own stream.
      this.log = facts.logLevel ? createLogger({ level: facts.logLevel }, route.send) : core.shared.unheardLogger;
      this.progress =
        typeof token === 'string' || typeof token === 'number' ? progressOf(core, this, token) : noProgress;
      this.session = new RequestSessionInfo(core, facts);
      // The modern era sends no requests to the client: core replaces these with its replaying calls.
      this.sample = MODERN_CLIENT.sample;
      this.elicit = MODERN_CLIENT.elicit;
      this.roots = MODERN_CLIENT.roots;
      // The one session method of this era acts on the request's stream, not on session state.
      this['~session'] = method === 'subscriptions/listen' ? listenControl(core, this, extra?.listen) : undefined;
      return;
    }
    const hello = core.record.hello;
    this.era = 'legacy';
    this.protocolVersion = hello?.protocolVersion;
    this.clientInfo = hello?.clientInfo;
    this.clientCapabilities = hello?.capabilities;
    this.logLevel = core.record.level;
    // Without a stream of its own, logs and list_changed go to the standing channel: the session's objects do.
    const own = related !== undefined;
    const features = clientFeatures(core, route);
    this.log = own ? createLogger(core.record, route.send) : sessionLogger(core);
    this.progress = typeof token === 'string' || typeof token === 'number' ? progressOf(core, this, token) : noProgress;
    this.session = sessionInfo(core, own ? route.send : undefined);
    this.sample = features.sample;
    this.elicit = features.elicit;
    this.roots = features.roots;
    this['~session'] = sessionControl(core);
  }

  /** `ctx.signal`, made when first read (Node makes an AbortController's signal lazily). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }
}
