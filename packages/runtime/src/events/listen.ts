import { type AuthInfo, ErrorCode, type ListKind, ProtocolError } from '@mcpkit/core';
import type { BusEvent, EventBus, EventFilter, Unsubscribe } from './event-bus.js';
import { type ListenFilter, MAX_LISTEN_URIS, readListenFilter } from './listen-filter.js';
import type { SubscriptionSlots } from './subscription-slots.js';

/** The `_meta` key stamping every message of a subscription with its id. */
export const SUBSCRIPTION_ID_KEY = 'io.modelcontextprotocol/subscriptionId';

/** A JSON-RPC request id: a subscription's id is its `subscriptions/listen` request's id. */
export type SubscriptionId = string | number;

/** A notification written to a listen stream. */
export interface ListenNotification {
  readonly jsonrpc: '2.0';
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What the server can honour: a list kind only if it has that list, updates only if it supports them. */
export interface ListenSupport {
  readonly tools: boolean;
  readonly prompts: boolean;
  readonly resources: boolean;
  /** `resourceSubscriptions` (per-URI `notifications/resources/updated`). */
  readonly resourceUpdates: boolean;
}

/** Options of {@link openListen}. */
export interface ListenOptions {
  /** The `subscriptions/listen` request's id. */
  readonly id: SubscriptionId;
  /** The request's `params.notifications`, unchecked. */
  readonly notifications: unknown;
  readonly support: ListenSupport;
  readonly bus: EventBus;
  /**
   * Writes one message to the stream (SSE event on HTTP, a line on stdio).
   * Nothing is sent before the filter and the cap are checked, and the first
   * message is the acknowledgement, so an HTTP transport can write its
   * `200 text/event-stream` head on the first call and still answer a refusal
   * with a plain JSON error.
   */
  readonly send: (message: ListenNotification) => void;
  /** The cap on open subscriptions this one counts against. */
  readonly slots: SubscriptionSlots;
  /** Quiet time after which `keepAlive` is called, in ms (default none: stdio needs none). */
  readonly keepAliveMs?: number;
  /** Writes a keep-alive (an SSE comment line on HTTP). */
  readonly keepAlive?: () => void;
  /** Cap on `resourceSubscriptions` URIs (default {@link MAX_LISTEN_URIS}). */
  readonly maxUris?: number;
}

/** A live subscription. */
export interface ListenHandle {
  readonly id: SubscriptionId;
  /** What was acknowledged: the requested subset the server honours. */
  readonly acknowledged: ListenFilter;
  /**
   * Ends the subscription (client went away, cancelled, or server shutdown):
   * stops delivery and keep-alives and frees its slot. Idempotent. For a
   * graceful server-side end, send {@link listenClosedResult} after it.
   */
  readonly close: () => void;
}

/** A `subscriptions/listen` stream a transport opens through the session hub's `listen`. */
export interface HubListenOptions {
  /** The listen request's id (the subscription id). */
  readonly id: SubscriptionId;
  /** The request's `params.notifications`, unchecked. */
  readonly notifications: unknown;
  /** Writes one message on the stream; the acknowledgement comes first. */
  readonly send: (message: ListenNotification) => void;
  /** Quiet time before `keepAlive` (none by default). */
  readonly keepAliveMs?: number;
  readonly keepAlive?: () => void;
  /** The hub ends the subscription (shutdown): tell the client, then close the stream. */
  readonly onServerEnd: () => void;
  /** Who is listening: a URI among `resourceSubscriptions` they may not read is refused. */
  readonly auth?: AuthInfo;
}

/** The acknowledgement the server sends first on a new subscription. */
export const acknowledgement = (id: SubscriptionId, notifications: ListenFilter): ListenNotification => ({
  jsonrpc: '2.0',
  method: 'notifications/subscriptions/acknowledged',
  params: { _meta: { [SUBSCRIPTION_ID_KEY]: id }, notifications },
});

/** The result answering a `subscriptions/listen` request the server ends gracefully. */
export const listenClosedResult = (id: SubscriptionId) => ({
  resultType: 'complete' as const,
  _meta: { [SUBSCRIPTION_ID_KEY]: id },
});

/**
 * What a stdio server sends when it ends subscription `id` itself (the
 * channel stays open, so the client needs telling): `notifications/cancelled`
 * naming the listen request, stamped like every message of the subscription.
 * The only use of `notifications/cancelled` a server may make.
 */
export const listenCancelled = (id: SubscriptionId): ListenNotification => ({
  jsonrpc: '2.0',
  method: 'notifications/cancelled',
  params: { requestId: id, _meta: { [SUBSCRIPTION_ID_KEY]: id } },
});

/** The stamped notification a bus event becomes on subscription `id`. */
export const toListenNotification = (id: SubscriptionId, event: BusEvent): ListenNotification =>
  event.type === 'list_changed'
    ? {
        jsonrpc: '2.0',
        method: `notifications/${event.kind}/list_changed`,
        params: { _meta: { [SUBSCRIPTION_ID_KEY]: id } },
      }
    : {
        jsonrpc: '2.0',
        method: 'notifications/resources/updated',
        params: { uri: event.uri, _meta: { [SUBSCRIPTION_ID_KEY]: id } },
      };

type ListFlag = 'toolsListChanged' | 'promptsListChanged' | 'resourcesListChanged';

const FLAG_KINDS: readonly (readonly [ListFlag, ListKind])[] = [
  ['toolsListChanged', 'tools'],
  ['promptsListChanged', 'prompts'],
  ['resourcesListChanged', 'resources'],
];

/** The subset of a requested filter the server honours; unsupported and unrequested types are left out. */
export const honoured = (requested: ListenFilter, support: ListenSupport): ListenFilter => {
  const acknowledged: { -readonly [K in keyof ListenFilter]: ListenFilter[K] } = {};
  for (const [flag, kind] of FLAG_KINDS) if (requested[flag] === true && support[kind]) acknowledged[flag] = true;
  if (requested.resourceSubscriptions?.length && support.resourceUpdates) {
    acknowledged.resourceSubscriptions = requested.resourceSubscriptions;
  }
  return acknowledged;
};

const busFilter = (filter: ListenFilter): EventFilter => ({
  lists: FLAG_KINDS.filter(([flag]) => filter[flag] === true).map(([, kind]) => kind),
  uris: filter.resourceSubscriptions ?? [],
});

/**
 * Opens a `subscriptions/listen` stream (2026-07-28) over any transport:
 * checks the filter (-32602) and the cap on open subscriptions, subscribes to
 * the bus, sends the acknowledgement first (the honoured subset), then only
 * the requested kinds and URIs, each stamped with the subscription id, and a
 * keep-alive after every `keepAliveMs` of silence. Returns the handle, or the
 * error to answer the listen request with (nothing has been sent then).
 */
export const openListen = async (options: ListenOptions): Promise<ListenHandle | ProtocolError> => {
  const requested = readListenFilter(options.notifications, options.maxUris ?? MAX_LISTEN_URIS);
  if (requested instanceof ProtocolError) return requested;
  const release = options.slots.take();
  if (!release) {
    return new ProtocolError(
      ErrorCode.InvalidRequest,
      `Too many open subscriptions (limit ${options.slots.limit}); close one and retry`,
      { limit: options.slots.limit },
    );
  }
  const { id, send } = options;
  const acknowledged = honoured(requested, options.support);
  let open = true;
  let acked = false;
  // Events that beat the acknowledgement (a shared bus may deliver right after subscribing) wait for it.
  const early: BusEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quiet = () => {
    if (!options.keepAliveMs || !options.keepAlive) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (!open) return;
      options.keepAlive?.();
      quiet();
    }, options.keepAliveMs);
    (timer as { unref?: () => void }).unref?.();
  };
  const deliver = (event: BusEvent) => {
    if (!open) return;
    if (!acked) {
      early.push(event);
      return;
    }
    send(toListenNotification(id, event));
    quiet();
  };
  let unsubscribe: Unsubscribe;
  try {
    unsubscribe = await options.bus.subscribe(busFilter(acknowledged), deliver);
  } catch (error) {
    release();
    return new ProtocolError(ErrorCode.InternalError, 'Could not open the subscription', undefined, { cause: error });
  }
  const close = () => {
    if (!open) return;
    open = false;
    if (timer) clearTimeout(timer);
    unsubscribe();
    release();
  };
  send(acknowledgement(id, acknowledged));
  acked = true;
  for (const event of early.splice(0)) deliver(event);
  quiet();
  return Object.freeze({ id, acknowledged, close });
};
