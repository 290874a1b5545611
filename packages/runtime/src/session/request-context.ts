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
 * close). Built for the hot path: its live parts (logger, `ctx.session`,
 * client calls) are made when first read, and a request with no stream of its
 * own (stdio) shares the session's logger and `ctx.session`; nothing is made
 * for progress without a token, nor for client requests until one is sent.
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
  readonly progress: NonNullable<RequestWiring['progress']>;
  readonly #core: SessionCore;
  /** A modern (2026-07-28) request's own envelope; undefined on the legacy era. */
  readonly #facts: ModernFacts | undefined;
  // Made on first use: most handlers never log, ask the client, or look at the session.
  #route: OutgoingRoute | undefined;
  #log: Logger | undefined;
  #session: NonNullable<RequestWiring['session']> | undefined;
  #features: Pick<RequestWiring, 'sample' | 'elicit' | 'roots'> | undefined;
  #control: SessionControl | undefined;
  /** The modern `ctx.session`, once something read it: only it can hold `onClose` cleanups to run at the end. */
  modernSession: RequestSessionInfo | undefined = undefined;

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
    this.#core = core;
    this.#facts = facts;
    this.id = id;
    this.method = method;
    this.params = params;
    this.meta = meta;
    this.auth = extra?.auth;
    this.http = extra?.http;
    this.related = related;
    const token = meta?.progressToken;
    this.progress = typeof token === 'string' || typeof token === 'number' ? progressOf(core, this, token) : noProgress;
    if (facts) {
      this.era = 'modern';
      this.protocolVersion = facts.protocolVersion;
      this.clientInfo = facts.clientInfo;
      this.clientCapabilities = facts.clientCapabilities;
      this.logLevel = facts.logLevel;
      // The one session method of this era acts on the request's stream, not on session state.
      if (method === 'subscriptions/listen') this.#control = listenControl(core, this, extra?.listen);
      return;
    }
    const hello = core.record.hello;
    this.era = 'legacy';
    this.protocolVersion = hello?.protocolVersion;
    this.clientInfo = hello?.clientInfo;
    this.clientCapabilities = hello?.capabilities;
    this.logLevel = core.record.level;
  }

  /** Where this request's messages to the client go, and what ends its requests to the client. */
  #routeOf(): OutgoingRoute {
    this.#route ??= { send: () => sendOf(this.#core, this), signal: () => outgoingSignal(this) };
    return this.#route;
  }

  /** `ctx.signal`, made when first read (Node makes an AbortController's signal lazily). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * `ctx.log`. Modern: only when this request asked for a level, and only on
   * its own stream. Legacy: on its own stream, else the session's logger (to
   * the standing channel).
   */
  get log(): Logger {
    if (this.#log) return this.#log;
    const core = this.#core;
    const level = this.#facts?.logLevel;
    if (this.#facts) this.#log = level ? createLogger({ level }, this.#routeOf().send) : core.shared.unheardLogger;
    else this.#log = this.related !== undefined ? createLogger(core.record, this.#routeOf().send) : sessionLogger(core);
    return this.#log;
  }

  /** `ctx.session`: the request's own view on the modern era, the session's on the legacy one. */
  get session(): NonNullable<RequestWiring['session']> {
    if (this.#session) return this.#session;
    const core = this.#core;
    if (this.#facts) {
      this.modernSession = new RequestSessionInfo(core, this.#facts);
      this.#session = this.modernSession;
    } else this.#session = sessionInfo(core, this.related !== undefined ? this.#routeOf().send : undefined);
    return this.#session;
  }

  /** The legacy era's client calls, made on the first one (the modern era's are MODERN_CLIENT's). */
  #featuresOf(): Pick<RequestWiring, 'sample' | 'elicit' | 'roots'> {
    this.#features ??= clientFeatures(this.#core, this.#routeOf());
    return this.#features;
  }

  // The legacy era's client calls are wired when first called: most handlers never ask the client anything.
  get sample(): NonNullable<RequestWiring['sample']> {
    if (this.#facts) return MODERN_CLIENT.sample;
    return (request) => (this.#featuresOf().sample as NonNullable<RequestWiring['sample']>)(request);
  }

  get elicit(): NonNullable<RequestWiring['elicit']> {
    if (this.#facts) return MODERN_CLIENT.elicit;
    return ((request: Parameters<NonNullable<RequestWiring['elicit']>>[0]) =>
      (this.#featuresOf().elicit as NonNullable<RequestWiring['elicit']>)(request)) as NonNullable<
      RequestWiring['elicit']
    >;
  }

  get roots(): NonNullable<RequestWiring['roots']> {
    if (this.#facts) return MODERN_CLIENT.roots;
    return () => (this.#featuresOf().roots as NonNullable<RequestWiring['roots']>)();
  }

  /** What the session answers itself (initialize, setLevel, subscriptions); a listen stream's control on modern. */
  get '~session'(): SessionControl | undefined {
    if (!this.#facts) this.#control ??= sessionControl(this.#core);
    return this.#control;
  }
}
