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

/** The session of a direct call: no id, fresh state, everything visible. */
export const detachedSession = (): SessionInfo => ({
  id: undefined,
  state: new Map(),
  clientInfo: undefined,
  clientCapabilities: undefined,
  protocolVersion: undefined,
  enable: needsSession('enable'),
  disable: needsSession('disable'),
  isEnabled: everythingEnabled,
});

/**
 * Completes what a caller supplied into a full context. `readResource` always
 * reads from the server handling the request, through the same session.
 */
export const completeContext = (
  input: ContextInput | undefined,
  readResource: (uri: string, ctx: Context) => Promise<import('../protocol/types.js').ReadResourceResult>,
): Context => {
  const ctx: Context = {
    requestId: input?.requestId,
    signal: input?.signal ?? new AbortController().signal,
    meta: input?.meta,
    state: input?.state ?? new Map(),
    auth: input?.auth,
    log: input?.log ?? silentLogger,
    progress: input?.progress ?? (() => Promise.resolve()),
    session: input?.session ?? detachedSession(),
    sample: input?.sample ?? noClient('Sampling (ctx.sample)'),
    elicit: input?.elicit ?? (noClient('Elicitation (ctx.elicit)') as Context['elicit']),
    roots: input?.roots ?? noClient('Listing roots (ctx.roots)'),
    readResource: (uri) => readResource(uri, ctx),
  };
  return ctx;
};
