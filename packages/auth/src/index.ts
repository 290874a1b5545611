/**
 * @mcpkit/auth: sign-in for remote mcpkit servers. `oauthProxy()` makes the
 * server the OAuth 2.1 authorization server MCP clients expect (metadata,
 * DCR, client ID metadata documents, PKCE, refresh rotation, consent) while
 * the user signs in at GitHub, Google, Microsoft Entra or any OpenID provider.
 * @packageDocumentation
 */

export { type ContractOptions, type ContractRunner, testStoreContract } from './storage/contract.js';
export { DEFAULT_MEMORY_MAX_ENTRIES, type MemoryStoreOptions, memoryStore } from './storage/memory.js';
export type { KeyValueStore, SetOptions, StoredValue } from './storage/types.js';
