import { ErrorCode, ProtocolError } from '@mcpkit/core';

/** The `notifications` filter of a `subscriptions/listen` request (2026-07-28), every field opt-in. */
export interface ListenFilter {
  readonly toolsListChanged?: boolean;
  readonly promptsListChanged?: boolean;
  readonly resourcesListChanged?: boolean;
  readonly resourceSubscriptions?: readonly string[];
}

/** Default cap on the URIs one listen request may name. */
export const MAX_LISTEN_URIS = 1000;

const FLAGS = ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged'] as const;

const invalid = (message: string) => new ProtocolError(ErrorCode.InvalidParams, `Invalid params: ${message}`);

/**
 * Reads `params.notifications` of a `subscriptions/listen` request: an object
 * whose three flags are booleans when present and whose
 * `resourceSubscriptions` is an array of at most `maxUris` strings. Unknown
 * fields are ignored (a later revision may add some). Returns the filter, or
 * the -32602 error to answer with.
 */
export const readListenFilter = (notifications: unknown, maxUris = MAX_LISTEN_URIS): ListenFilter | ProtocolError => {
  if (typeof notifications !== 'object' || notifications === null || Array.isArray(notifications)) {
    return invalid('subscriptions/listen needs a notifications object');
  }
  const raw = notifications as Record<string, unknown>;
  const filter: { -readonly [K in keyof ListenFilter]: ListenFilter[K] } = {};
  for (const flag of FLAGS) {
    const value = raw[flag];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return invalid(`notifications.${flag} must be a boolean`);
    filter[flag] = value;
  }
  const uris = raw.resourceSubscriptions;
  if (uris !== undefined) {
    if (!Array.isArray(uris) || !uris.every((uri) => typeof uri === 'string')) {
      return invalid('notifications.resourceSubscriptions must be an array of URI strings');
    }
    if (uris.length > maxUris) return invalid(`notifications.resourceSubscriptions names more than ${maxUris} URIs`);
    filter.resourceSubscriptions = [...new Set(uris as string[])];
  }
  return filter;
};
