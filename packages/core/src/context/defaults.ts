import { McpkitError } from '../errors/errors.js';
import type { Component } from '../server/component.js';
import type { Context, ContextInput, Logger, SessionInfo } from './context.js';

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

/** The visibility check of a session that hides nothing; the registry skips filtering for it. */
export const everythingEnabled = (_component: Component): boolean => true;

const noClient = (feature: string) => () =>
  Promise.reject(
    new McpkitError(
      'NO_CLIENT',
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
export const detachedSession = (): SessionInfo => ({
  id: undefined,
  state: new Map(),
  clientInfo: undefined,
  clientCapabilities: undefined,
  protocolVersion: undefined,
  enable: enableNeedsSession,
  disable: disableNeedsSession,
  isEnabled: everythingEnabled,
});

const SIGNAL = Symbol('mcpkit.signal');
const INPUT = Symbol('mcpkit.input');

interface LazySignalHolder {
  [SIGNAL]?: AbortSignal;
  [INPUT]?: ContextInput;
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

/** What a request itself says, which wins over the caller's context. */
export interface RequestFacts {
  readonly requestId: Context['requestId'];
  readonly meta: Context['meta'];
}

/**
 * Completes what a caller supplied into a full context. `readResource` always
 * reads from the server handling the request, through the same session.
 * `request` (the JSON-RPC request's id and `_meta`) overrides the caller's.
 */
export const completeContext = (
  input: ContextInput | undefined,
  readResource: (uri: string, ctx: Context) => Promise<import('../protocol/types.js').ReadResourceResult>,
  request?: RequestFacts,
): Context => {
  const ctx = {
    requestId: request ? request.requestId : input?.requestId,
    meta: request?.meta ?? input?.meta,
    state: input?.state ?? new Map(),
    auth: input?.auth,
    log: input?.log ?? silentLogger,
    progress: input?.progress ?? noProgress,
    session: input?.session ?? detachedSession(),
    sample: input?.sample ?? noSampling,
    elicit: input?.elicit ?? noElicitation,
    roots: input?.roots ?? noRoots,
    readResource: (uri: string) => readResource(uri, ctx as Context),
  } as Omit<Context, 'signal'> & { signal?: AbortSignal };
  (ctx as LazySignalHolder)[INPUT] = input;
  Object.defineProperty(ctx, 'signal', LAZY_SIGNAL);
  return ctx as Context;
};
