import {
  claimsModern,
  ErrorCode,
  failure,
  type JsonRpcResponse,
  ProtocolError,
  type RequestId,
  readHello,
  readMessage,
  readModernFacts,
  success,
} from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { addRequest, findRequest, removeRequest } from './inflight.js';
import { RunningRequest, requestFinished } from './request-context.js';
import { runCleanups } from './run-cleanups.js';
import type { SessionCore } from './session-core.js';
import { onNotification } from './session-notifications.js';
import type { ReceiveExtra, Send } from './types.js';

/** Requests a client may send before initialize completes (`server/discover` is how a stdio client probes the era). */
const ALLOWED_BEFORE_INIT: ReadonlySet<string> = new Set(['initialize', 'ping', 'server/discover']);

/** Why the session cannot take this request now, as the error to answer; undefined when it can. */
const refusal = (core: SessionCore, id: RequestId, method: string): JsonRpcResponse | undefined => {
  if (core.closed) return failure(id, ErrorCode.InvalidRequest, 'The session is closed');
  // A method this era lacks (`subscriptions/listen` without a modern claim) is unknown, initialized or not:
  // the dispatcher answers -32601 for it.
  const known = method === 'ping' || core.shared.server.hasMethod(method, 'legacy');
  if (known && core.record.hello === undefined && !ALLOWED_BEFORE_INIT.has(method))
    return failure(
      id,
      ErrorCode.InvalidRequest,
      `Received ${method} before initialization: send initialize (then notifications/initialized) first`,
    );
  if (method === 'initialize' && (core.record.hello !== undefined || core.offered !== undefined))
    return failure(id, ErrorCode.InvalidRequest, 'The session is already initialized: initialize is sent once');
  return undefined;
};

/**
 * Records what initialize negotiated once it has been answered: the hello the
 * middleware chain handed on (or the params, when middleware answered by
 * itself), at the revision the answer names (middleware may change it).
 */
const settleInitialize = (core: SessionCore, params: unknown, response: JsonRpcResponse) => {
  const seen = core.offered ?? readHello(params);
  core.offered = undefined;
  if (!('result' in response)) return;
  const answered = response.result.protocolVersion;
  const negotiated = { ...seen, protocolVersion: typeof answered === 'string' ? answered : seen.protocolVersion };
  // A stateless session lives for one request: sharing its hello would cost more than it saves.
  core.record.hello = core.stateless ? negotiated : core.shared.internHello(negotiated);
};

/** Runs one request with its own scope (signal, stream, identity) while it is in flight. */
const serveRequest = async (
  core: SessionCore,
  id: RequestId,
  method: string,
  params: unknown,
  related: Send | undefined,
  extra: ReceiveExtra | undefined,
): Promise<JsonRpcResponse | undefined> => {
  // A request sent right behind initialize (before its answer arrived) waits for it instead of being refused.
  if (core.initializing && method !== 'initialize' && core.record.hello === undefined) await core.initializing;
  const refused = refusal(core, id, method);
  if (refused) return refused;
  // A liveness check: answered by the session itself, never slowed or refused by middleware.
  if (method === 'ping') return success(id, {});
  const request = new RunningRequest(core, id, method, params, related, extra);
  if (method !== 'initialize') return run(core, request);
  if (findRequest(core, id)) return inUse(id);
  // Marks the initialize in progress: a second one is refused, other requests wait for it.
  let initialized!: () => void;
  core.offered = readHello(params);
  core.initializing = new Promise<void>((resolve) => {
    initialized = resolve;
  });
  return run(
    core,
    request,
    () => {
      core.offered = undefined;
      core.initializing = undefined;
      initialized();
    },
    (response) => settleInitialize(core, params, response),
  );
};

const inUse = (id: RequestId) =>
  failure(id, ErrorCode.InvalidRequest, `Request id ${JSON.stringify(id)} is already in use by a running request`);

/**
 * Runs one request while it is in flight (registered by id, so it can be
 * cancelled), and answers it unless it was cancelled or the session closed.
 * `answered` sees the response first; `done` runs once it is over, whatever happened.
 */
const run = async (
  core: SessionCore,
  request: RunningRequest,
  done?: () => void,
  answered?: (response: JsonRpcResponse) => void,
): Promise<JsonRpcResponse | undefined> => {
  if (!addRequest(core, request)) {
    done?.();
    return inUse(request.id);
  }
  try {
    const response = await core.shared.server.dispatch(request, request);
    answered?.(response);
    return request.cancelled || (core.closed && !request.answerAfterClose) ? undefined : response;
  } finally {
    done?.();
    request.finished = true;
    removeRequest(core, request);
    // Abandon client requests the handler left behind (e.g. after a tool timeout); made only when one was sent.
    request.settled?.abort(requestFinished());
  }
};

/**
 * Runs one modern (2026-07-28) request: it carries its own facts in `_meta`,
 * belongs to no session state, and needs no initialize. A malformed envelope
 * or an unsupported revision is answered before anything runs.
 */
const serveModern = (
  core: SessionCore,
  id: RequestId,
  method: string,
  params: unknown,
  related: Send | undefined,
  extra: ReceiveExtra | undefined,
): Promise<JsonRpcResponse | undefined> => {
  if (core.closed) return Promise.resolve(failure(id, ErrorCode.InvalidRequest, 'The session is closed'));
  const facts = extra?.facts ?? readModernFacts(params);
  if (facts instanceof ProtocolError) return Promise.resolve(failure(id, facts.code, facts.message, facts.data));
  const request = new RunningRequest(core, id, method, params, related, extra, facts);
  return run(core, request, () => runCleanups(request.modernSession?.cleanups, 'request'));
};

/**
 * `Session.receive` of the session `core`: see the contract in types.ts. Not
 * async: a request's promise is handed on as it is, not wrapped in another.
 */
export const receive = (
  core: SessionCore,
  message: JSONRPCMessage,
  related?: Send,
  extra?: ReceiveExtra,
): Promise<JsonRpcResponse | undefined> => {
  try {
    const read = readMessage(message);
    if (read.kind === 'request') {
      // The era is decided per request, first: a request naming its revision in `_meta` is modern.
      return claimsModern(read.params)
        ? serveModern(core, read.id, read.method, read.params, related, extra)
        : serveRequest(core, read.id, read.method, read.params, related, extra);
    }
    return Promise.resolve(receiveOther(core, message, read, extra));
  } catch (error) {
    return Promise.reject(error);
  }
};

/** What is not a request: a notification, a client's response, or a malformed message. */
const receiveOther = (
  core: SessionCore,
  message: JSONRPCMessage,
  read: Exclude<ReturnType<typeof readMessage>, { kind: 'request' }>,
  extra: ReceiveExtra | undefined,
): JsonRpcResponse | undefined => {
  switch (read.kind) {
    case 'notification':
      onNotification(core, read.method, read.params);
      return undefined;
    case 'response':
      // Not ours: with sessions shared between instances, the request may wait on another one.
      if (!core.outbox?.settle(read.message) && !extra?.relayed) core.onStrayResponse?.(message);
      return undefined;
    default:
      return read.failure;
  }
};
