/**
 * @mcpkit/auth: sign-in for remote mcpkit servers. `oauthProxy()` makes the
 * server the OAuth 2.1 authorization server MCP clients expect (metadata,
 * DCR, client ID metadata documents, PKCE, refresh rotation, consent) while
 * the user signs in at GitHub, Google, Microsoft Entra or any OpenID provider.
 * @packageDocumentation
 */

export { CIMD_DEFAULTS, type CimdOptions } from './cimd/client-document.js';
export { oauthProxyFromEnv } from './proxy/from-env.js';
export { type OAuthProxy, oauthProxy } from './proxy/oauth-proxy.js';
export {
  DEFAULT_LIFETIMES,
  DEFAULT_MAX_REDIRECT_URIS,
  DEFAULT_MAX_REQUEST_BYTES,
  type LifetimeOptions,
  type OAuthProxyOptions,
} from './proxy/options.js';
export type { UpstreamAccess } from './server/upstream-access.js';
export { type ContractOptions, type ContractRunner, testStoreContract } from './storage/contract.js';
export { DEFAULT_MEMORY_MAX_ENTRIES, type MemoryStoreOptions, memoryStore } from './storage/memory.js';
export type { KeyValueStore, SetOptions, StoredValue } from './storage/types.js';
export { type EntraOptions, entra } from './upstream/entra.js';
export { type GithubOptions, github } from './upstream/github.js';
export { type GoogleOptions, google } from './upstream/google.js';
export { type OidcOptions, oidc } from './upstream/oidc.js';
export type { ClientCredentials } from './upstream/token-request.js';
export {
  type UpstreamAuthorizeInput,
  UpstreamError,
  type UpstreamExchangeInput,
  type UpstreamProvider,
  type UpstreamTokens,
  type UpstreamUser,
} from './upstream/types.js';
