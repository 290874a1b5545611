import type { AuthOptions } from '../http/auth-options.js';

/** The well-known prefix of Protected Resource Metadata (RFC 9728). */
export const METADATA_PREFIX = '/.well-known/oauth-protected-resource';

/** The metadata path for a resource path: `/mcp` → `/.well-known/oauth-protected-resource/mcp`. */
export const metadataPath = (resourcePath: string): string => {
  const trimmed = resourcePath.replace(/\/+$/, '');
  return trimmed ? `${METADATA_PREFIX}${trimmed}` : METADATA_PREFIX;
};

/** The absolute metadata URL of a resource URL, as sent in `resource_metadata`. */
export const metadataUrl = (resource: string): string => {
  const url = new URL(resource);
  return `${url.origin}${metadataPath(url.pathname)}`;
};

/** The Protected Resource Metadata document (RFC 9728) for `resource`. */
export const metadataDocument = (options: AuthOptions, resource: string): Record<string, unknown> => ({
  resource,
  ...(options.authorizationServers ? { authorization_servers: [...options.authorizationServers] } : {}),
  ...(options.scopesSupported ? { scopes_supported: [...options.scopesSupported] } : {}),
  bearer_methods_supported: ['header'],
  ...(options.resourceName ? { resource_name: options.resourceName } : {}),
});
