import { McpkitError } from '@mcpkit/core';
import { takeAllRequests } from './inflight.js';
import { assumedHello } from './initialize.js';
import { DEFAULT_LOG_LEVEL } from './logger.js';
import { receive } from './receive.js';
import { runCleanups } from './run-cleanups.js';
import type { HubShared, SessionCore } from './session-core.js';
import type { SessionRecord } from './session-record.js';
import type { Session, SessionOptions } from './types.js';

/** Ends the session: aborts what runs, rejects what waits on the client, runs cleanups. Idempotent. */
const close = (core: SessionCore, session: Session) => {
  if (core.closed) return;
  core.closed = true;
  // Made only when something waits to hear it: an error captures a stack, and most sessions close idle.
  const running = takeAllRequests(core);
  if (running.length > 0 || core.outbox) {
    const reason = new McpkitError('SESSION_CLOSED', 'The session was closed');
    for (const scope of running) scope.controller.abort(reason);
    core.outbox?.rejectAll(reason);
  }
  core.record.subscriptions = undefined;
  core.channel = undefined;
  // Cleanups registered through ctx.session.onClose (e.g. a proxy's remote session).
  const cleanups = core.cleanups;
  core.cleanups = undefined;
  runCleanups(cleanups, 'session');
  core.shared.forget(session);
  core.onClose?.();
};

/**
 * The public handle. Its methods are own closures (transports pass
 * `session.close` around unbound); the getters live on the prototype.
 */
class SessionHandle implements Session {
  readonly id: string | undefined;
  readonly receive: Session['receive'];
  readonly setChannel: Session['setChannel'];
  readonly close: Session['close'];
  readonly #core: SessionCore;

  constructor(core: SessionCore) {
    this.#core = core;
    this.id = core.record.id;
    this.receive = (message, related, extra) => receive(core, message, related, extra);
    this.setChannel = (send) => {
      if (!core.closed) core.channel = send;
    };
    this.close = () => close(core, this);
  }

  get initialized(): boolean {
    return this.#core.record.hello !== undefined;
  }

  get protocolVersion(): string | undefined {
    return this.#core.record.hello?.protocolVersion;
  }

  /** The insides of a session this module opened. */
  static coreOf(session: Session): SessionCore {
    return (session as SessionHandle).#core;
  }
}

/** The insides of a session opened by {@link openSession}; for its hub. */
export const coreOf = (session: Session): SessionCore => SessionHandle.coreOf(session);

/** Opens one session for a hub; see `createSession` for the public entry. */
export const openSession = (shared: HubShared, options: SessionOptions = {}): Session => {
  const record: SessionRecord = {
    id: options.id,
    hello: options.assumeInitialized ? assumedHello(options.assumeInitialized.protocolVersion) : undefined,
    level: DEFAULT_LOG_LEVEL,
    subscriptions: undefined,
    rules: undefined,
    state: undefined,
  };
  const core: SessionCore = {
    record,
    shared,
    stateless: options.stateless ?? false,
    onClose: options.onClose,
    visibility: undefined,
    solo: undefined,
    others: undefined,
    outbox: undefined,
    offered: undefined,
    initializing: undefined,
    control: undefined,
    closed: false,
    channel: undefined,
    logger: undefined,
    info: undefined,
    cleanups: undefined,
    backing: undefined,
    stateMethods: undefined,
    outboxPrefix: undefined,
    onStrayResponse: undefined,
    slot: -1,
  };
  return new SessionHandle(core);
};
