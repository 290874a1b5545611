import { type AuthInfo, ErrorCode, mayReadResource, ProtocolError, type Server } from '@mcpkit/core';
import type { ClientHello } from './initialize.js';
import type { SessionCore, SessionLimits } from './session-core.js';

/** Bounds on what a session keeps on a client's behalf; options of the hub and of every `serve*`. */
export interface SessionLimitOptions {
  /**
   * Most bytes (estimated heap, see `estimateBytes`) a session keeps from
   * `initialize`: the client's `capabilities` and `clientInfo`. More gets
   * -32602 and no session. Default 64 KiB.
   */
  readonly maxHelloBytes?: number;
  /**
   * Most bytes all sessions of a hub keep from `initialize` together (hellos
   * shared between sessions of the same client software count once, and not
   * here). More gets -32000 with `data.retryAfterMs`. Default 64 MiB.
   */
  readonly maxTotalHelloBytes?: number;
  /** Most `resources/subscribe` URIs one session holds; more gets -32602. Default 1000. */
  readonly maxSubscriptions?: number;
  /** Longest URI `resources/subscribe` accepts, in characters; longer gets -32602. Default 4096. */
  readonly maxSubscriptionUriLength?: number;
}

/** Default `maxHelloBytes`: 64 KiB. */
export const DEFAULT_MAX_HELLO_BYTES = 64 * 1024;
/** Default `maxTotalHelloBytes`: 64 MiB. */
export const DEFAULT_MAX_TOTAL_HELLO_BYTES = 64 * 1024 * 1024;
/** Default `maxSubscriptions`. */
export const DEFAULT_MAX_SUBSCRIPTIONS = 1000;
/** Default `maxSubscriptionUriLength`. */
export const DEFAULT_MAX_SUBSCRIPTION_URI_LENGTH = 4096;

/** When a client refused for the total should try again. */
const RETRY_AFTER_MS = 30_000;

/**
 * An estimate of the heap a JSON value holds, stopping once past `limit`:
 * V8 spends tens of bytes on every object and array, so 4 MiB of `{},` is
 * ~90 MB of heap while a 4 MiB string is 4 MB. Per value: 16 bytes, plus a
 * string's length, plus 32 per object or array and 16 per member (plus the
 * key's length). The walk stops as soon as the total passes `limit`.
 */
export const estimateBytes = (value: unknown, limit: number): number => {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const item = stack.pop();
    total += 16;
    if (typeof item === 'string') total += item.length;
    else if (Array.isArray(item)) {
      total += 32;
      for (let i = 0; i < item.length && total <= limit; i++) {
        total += 16;
        stack.push(item[i]);
      }
    } else if (typeof item === 'object' && item !== null) {
      total += 32;
      for (const key in item) {
        total += 16 + key.length;
        stack.push((item as Record<string, unknown>)[key]);
        if (total > limit) break;
      }
    }
  }
  return total;
};

/** The limits of one hub, from its options. */
export const createSessionLimits = (options: SessionLimitOptions = {}): SessionLimits => ({
  maxHelloBytes: options.maxHelloBytes ?? DEFAULT_MAX_HELLO_BYTES,
  maxTotalHelloBytes: options.maxTotalHelloBytes ?? DEFAULT_MAX_TOTAL_HELLO_BYTES,
  maxSubscriptions: options.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS,
  maxSubscriptionUriLength: options.maxSubscriptionUriLength ?? DEFAULT_MAX_SUBSCRIPTION_URI_LENGTH,
  helloBytes: 0,
});

/**
 * Admits what a session will keep from initialize, or throws the error to
 * answer with. `own` is false when the hub shares one copy among sessions
 * (see hello-cache.ts): that copy is bounded by the cache, not counted here.
 * What a session counts is given back when it closes.
 */
export const admitHello = (core: SessionCore, limits: SessionLimits, hello: ClientHello, own: boolean): void => {
  const kept = { clientInfo: hello.clientInfo, capabilities: hello.capabilities };
  const bytes = estimateBytes(kept, limits.maxHelloBytes);
  if (bytes > limits.maxHelloBytes) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `initialize: the client's capabilities and clientInfo are too large (over maxHelloBytes, ${limits.maxHelloBytes} bytes)`,
    );
  }
  if (!own || core.stateless) return;
  if (limits.helloBytes + bytes > limits.maxTotalHelloBytes) {
    throw new ProtocolError(
      ErrorCode.RateLimited,
      'Server busy: sessions hold too much client data (maxTotalHelloBytes); try again later',
      { retryAfterMs: RETRY_AFTER_MS },
    );
  }
  limits.helloBytes += bytes;
  core.cleanups ??= new Set();
  core.cleanups.add(() => {
    limits.helloBytes -= bytes;
  });
};

/**
 * Admits one `resources/subscribe`, or throws the error to answer with: the
 * URI's length and the session's count are capped, and a URI the server's own
 * resources refuse to this caller (its access rule) is refused, so the caller
 * never hears of updates to what it may not read.
 */
export const admitSubscription = (
  core: SessionCore,
  limits: SessionLimits,
  server: Server,
  uri: string,
  auth: AuthInfo | undefined,
): void => {
  if (uri.length > limits.maxSubscriptionUriLength) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `resources/subscribe: the URI is longer than maxSubscriptionUriLength (${limits.maxSubscriptionUriLength})`,
    );
  }
  if (core.record.subscriptions?.has(uri)) return;
  if ((core.record.subscriptions?.size ?? 0) >= limits.maxSubscriptions) {
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `resources/subscribe: this session already holds maxSubscriptions (${limits.maxSubscriptions}); unsubscribe first`,
    );
  }
  if (!mayReadResource(server.components, uri, auth)) {
    throw new ProtocolError(ErrorCode.ResourceNotFound, 'Resource not found', { uri });
  }
};

/** Just the limit options out of a larger options object (so a hub gets nothing else from it). */
export const limitOptionsOf = (options: SessionLimitOptions): SessionLimitOptions => ({
  maxHelloBytes: options.maxHelloBytes,
  maxTotalHelloBytes: options.maxTotalHelloBytes,
  maxSubscriptions: options.maxSubscriptions,
  maxSubscriptionUriLength: options.maxSubscriptionUriLength,
});
