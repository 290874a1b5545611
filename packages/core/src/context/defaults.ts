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

const SIGNAL = Symbol('mcpkit.signal');
const INPUT = Symbol('mcpkit.input');

interface LazySignalHolder {
  [SIGNAL]?: AbortSignal;
  [INPUT]?: RequestWiring;
}

/**
 * `ctx.signal`, read on first use, since most handlers never look: the
 * caller's signal (which a runtime may itself make lazily, as making one is a
 * large share of a small request's cost), or a fresh never-aborted one for a
 * direct call. One accessor shared by every context, so contexts keep one
 * fast shape.
 */
const LAZY_SIGNAL: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazySignalHolder) {
    this[SIGNAL] ??= this[INPUT]?.signal ?? new AbortController().signal;
    return this[SIGNAL];
  },
  // Assignable as the plain property it stands for.
  set(this: LazySignalHolder, signal: AbortSignal) {
    this[SIGNAL] = signal;
  },
};

/**
 * Builds the context of one request, once: its facts (id, `_meta`, auth) from
 * the request, its live parts from the runtime's wiring, defaults for what is
 * missing (a direct call has no client). `readResource` always reads from the
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
    log: wiring?.log ?? silentLogger,
    progress: wiring?.progress ?? noProgress,
    session: wiring?.session ?? detachedSession(),
    sample: client?.sample ?? wiring?.sample ?? noSampling,
    elicit: client?.elicit ?? wiring?.elicit ?? noElicitation,
    roots: client?.roots ?? wiring?.roots ?? noRoots,
    readResource: (uri: string) => readResource(uri, ctx as Context),
    input,
    '~session': wiring?.['~session'],
  } as Omit<Context, 'signal'> & { signal?: AbortSignal };
  (ctx as LazySignalHolder)[INPUT] = wiring;
  Object.defineProperty(ctx, 'signal', LAZY_SIGNAL);
  return ctx as Context;
};
