/**
 * The revisions an `initialize` handshake may negotiate (the legacy era),
 * newest first. Kept apart from {@link MODERN_PROTOCOL_VERSIONS} so a
 * handshake can never settle on a stateless revision.
 */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = Object.freeze([
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
  '2024-10-07',
]);

/**
 * The revisions a request may claim in
 * `params._meta["io.modelcontextprotocol/protocolVersion"]` (the modern,
 * per-request era), newest first.
 */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = Object.freeze(['2026-07-28']);

/**
 * Every revision served, newest first: `data.supported` of an
 * UnsupportedProtocolVersion (-32022) error and `supportedVersions` of
 * `server/discover`.
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = Object.freeze([
  ...MODERN_PROTOCOL_VERSIONS,
  ...LEGACY_PROTOCOL_VERSIONS,
]);

/** Whether `version` is a served modern revision. */
export const isModernProtocolVersion = (version: unknown): version is string =>
  typeof version === 'string' && MODERN_PROTOCOL_VERSIONS.includes(version);
