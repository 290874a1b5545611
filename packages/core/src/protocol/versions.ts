/**
 * The revisions `initialize` can negotiate, newest first. The stateless
 * revisions (2026-07-28 on) are never negotiated by `initialize`: they have a
 * list of their own.
 */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = Object.freeze([
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
  '2024-10-07',
]);

/** The newest revision `initialize` negotiates. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25';

/**
 * Picks the revision to speak at initialize: the client's when we support it,
 * otherwise our latest (the client then decides whether it can continue).
 */
export const negotiateVersion = (requested: unknown): string =>
  typeof requested === 'string' && LEGACY_PROTOCOL_VERSIONS.includes(requested)
    ? requested
    : LATEST_LEGACY_PROTOCOL_VERSION;
