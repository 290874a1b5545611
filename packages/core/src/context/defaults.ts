import { ClientUnavailableError, McpkitError } from '../errors/errors.js';
import type { InputAnswers } from '../input/answers.js';
import type { ReadResourceResult } from '../protocol/types.js';
import type { McpRequest } from '../request/request.js';
import type { Context, Logger, RequestWiring, SessionInfo } from './context.js';
import { mapStateMethods } from './map-state.js';
import { everythingEnabled } from './visibility-rules.js';

const noop = () => {};

/** A logger that drops everything: direct calls have no client to log to. */
export const silentLogger: Logger = Object.freeze({
  debug: noop,
  info: noop,
  notice: noop,
  warning: noop,
  error: noop,
  critical: noop,
  alert: noop,
  emergency: noop,
  log: noop,
});

export { everythingEnabled };

const noClient = (feature: string) => () =>
  Promise.reject(
    new ClientUnavailableError(
      'no-client',
      `${feature} needs a connected client; this request has none. In unit tests, pass createTestContext({ ... }) to script the answer.`,
    ),
  );

const needsSession = (what: string) => () => {
  throw new McpkitError(
    'NO_SESSION',
    `ctx.session.${what} needs a session: serve the server, or use createTestContext()`,
  );
};

// Defaults made once: they hold no state, so every request can share them.
const noSampling = noClient('Sampling (ctx.sample)');
const noElicitation = noClient('Elicitation (ctx.elicit)') as Context['elicit'];
const noRoots = noClient('Listing roots (ctx.roots)');
const noProgress = () => Promise.resolve();
const enableNeedsSession = needsSession('enable');
const disableNeedsSession = needsSession('disable');

/** The session of a direct call: no id, fresh state, everything visible. */
export const detachedSession = (): SessionInfo => {
  const state = new Map<string, unknown>();
  return {
    id: undefined,
    state,
    ...mapStateMethods(() => state),
    clientInfo: undefined,
    clientCapabilities: undefined,
    protocolVersion: undefined,
    enable: enableNeedsSession,
    disable: disableNeedsSession,
    isEnabled: everythingEnabled,
  };
};

const WIRING = Symbol('mcpkit.wiring');
const CLIENT = Symbol('mcpkit.client');
const RESOLVED = Symbol('mcpkit.resolved');

/** The members a context reads from its wiring on first use. */
type LazyMember = 'signal' | 'log' | 'session' | 'sample' | 'elicit' | 'roots' | '~session';

interface LazyHolder {
  [WIRING]?: RequestWiring;
  [CLIENT]?: Pick<Context, 'elicit' | 'sample' | 'roots'>;
  [RESOLVED]?: { [K in LazyMember]?: Context[K] };
}

/**
 * A context member read from the wiring on first use, since most handlers
 * never look at most of them (and making some, such as a stream's logger or
 * an AbortSignal, is a large share of a small request's cost). Assignable as
 * the plain property it stands for. Shared by every context, so contexts keep
 * one fast shape.
 */
const lazyMember = <K extends LazyMember>(key: K, resolve: (holder: LazyHolder) => Context[K]): PropertyDescriptor => ({
  enumerable: true,
  configurable: true,
  get(this: LazyHolder) {
    this[RESOLVED] ??= {};
    const resolved = this[RESOLVED];
    if (!(key in resolved)) resolved[key] = resolve(this);
    return resolved[key];
  },
  set(this: LazyHolder, value: Context[K]) {
    this[RESOLVED] ??= {};
    this[RESOLVED][key] = value;
  },
});

const LAZY_MEMBERS: PropertyDescriptorMap = {
  // The caller's signal (a runtime may itself make it lazily), or a fresh never-aborted one for a direct call.
  signal: lazyMember('signal', (holder) => holder[WIRING]?.signal ?? new AbortController().signal),
  log: lazyMember('log', (holder) => holder[WIRING]?.log ?? silentLogger),
  session: lazyMember('session', (holder) => holder[WIRING]?.session ?? detachedSession()),
  sample: lazyMember('sample', (holder) => holder[CLIENT]?.sample ?? holder[WIRING]?.sample ?? noSampling),
  elicit: lazyMember('elicit', (holder) => holder[CLIENT]?.elicit ?? holder[WIRING]?.elicit ?? noElicitation),
  roots: lazyMember('roots', (holder) => holder[CLIENT]?.roots ?? holder[WIRING]?.roots ?? noRoots),
  '~session': lazyMember('~session', (holder) => holder[WIRING]?.['~session']),
};

/**
 * Builds the context of one request, once: its facts (id, `_meta`, auth) from
 * the request, its live parts from the runtime's wiring (each read on first
 * use), defaults for what is missing (a direct call has no client). `readResource` always reads from the
 * server handling the request, through the same session.
 */
export const completeContext = (
  request: Pick<McpRequest, 'id' | 'meta' | 'auth' | 'http'>,
  wiring: RequestWiring | undefined,
  readResource: (uri: string, ctx: Context) => Promise<ReadResourceResult>,
  input?: InputAnswers,
  /** Client calls that replace the wiring's (a 2026 request's replaying ones). */
  client?: Pick<Context, 'elicit' | 'sample' | 'roots'>,
): Context => {
  const ctx = {
    requestId: request.id,
    meta: request.meta,
    state: wiring?.state ?? new Map(),
    auth: request.auth,
    http: request.http,
    progress: wiring?.progress ?? noProgress,
    readResource: (uri: string) => readResource(uri, ctx as unknown as Context),
    input,
    [WIRING]: wiring,
    [CLIENT]: client,
  };
  return Object.defineProperties(ctx, LAZY_MEMBERS) as unknown as Context;
};
