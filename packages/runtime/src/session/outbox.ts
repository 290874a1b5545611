import { McpkitError } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { idKey, isRecord, notification } from './messages.js';
import type { Send } from './types.js';

/** Requests this session sent to the client and is waiting on. */
export interface Outbox {
  /** Sends `method` to the client and resolves with its result; rejects on error, abort or close. */
  readonly request: (
    method: string,
    params: Record<string, unknown>,
    send: Send,
    signal: AbortSignal,
  ) => Promise<unknown>;
  /** Settles the pending request a client response answers; false when none matches. */
  readonly settle: (response: { id?: unknown; result?: unknown; error?: unknown }) => boolean;
  /** Rejects everything still pending. */
  readonly rejectAll: (reason: Error) => void;
}

interface Pending {
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

const clientError = (method: string, error: unknown): McpkitError => {
  const e = isRecord(error) ? error : {};
  const message = typeof e.message === 'string' ? e.message : 'unknown error';
  return new McpkitError(
    typeof e.code === 'number' ? e.code : 'CLIENT_ERROR',
    `The client answered ${method} with an error: ${message}`,
  );
};

/**
 * Creates the outgoing-request table of one session; ids are its own counter,
 * as strings after `prefix` when one is given (instances sharing a session
 * each send requests to its client, so their ids must not collide).
 */
export const createOutbox = (prefix?: string): Outbox => {
  const pending = new Map<string, Pending>();
  // Starts at 1: some clients treat a cancelled requestId of 0 as absent.
  let nextId = 1;

  const request: Outbox['request'] = (method, params, send, signal) => {
    if (signal.aborted) return Promise.reject(abortError(method, signal));
    const count = nextId++;
    const id = prefix === undefined ? count : `${prefix}${count}`;
    const key = idKey(id);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        pending.delete(key);
        // Tell the client to stop working on what we no longer want.
        trySend(
          send,
          notification('notifications/cancelled', { requestId: id, reason: 'The server request was aborted' }),
        );
        reject(abortError(method, signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = () => signal.removeEventListener('abort', onAbort);
      pending.set(key, {
        method,
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (reason) => {
          done();
          reject(reason);
        },
      });
      const sent = trySend(send, { jsonrpc: '2.0', id, method, params } as JSONRPCMessage);
      if (sent !== true) {
        pending.delete(key);
        done();
        reject(new McpkitError('SEND_FAILED', `Could not send ${method} to the client: ${sent.message}`));
      }
    });
  };

  const settle: Outbox['settle'] = (response) => {
    if (typeof response.id !== 'string' && typeof response.id !== 'number') return false;
    const key = idKey(response.id);
    const entry = pending.get(key);
    if (!entry) return false;
    pending.delete(key);
    if (response.error !== undefined) entry.reject(clientError(entry.method, response.error));
    else entry.resolve(response.result);
    return true;
  };

  const rejectAll: Outbox['rejectAll'] = (reason) => {
    const entries = [...pending.values()];
    pending.clear();
    for (const entry of entries) entry.reject(reason);
  };

  return { request, settle, rejectAll };
};

const trySend = (send: Send, message: JSONRPCMessage): true | Error => {
  try {
    send(message);
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
};

const abortError = (method: string, signal: AbortSignal): McpkitError => {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'the request was aborted';
  return new McpkitError('ABORTED', `${method} was abandoned: ${reason}`, {
    cause: signal.reason,
  });
};
