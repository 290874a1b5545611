/** How a client proves itself at the token endpoint. */
export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';

/** A client the authorization server knows: registered (DCR) or described by its metadata document (CIMD). */
export interface ClientRecord {
  readonly clientId: string;
  readonly clientName?: string;
  readonly redirectUris: readonly string[];
  readonly authMethod: ClientAuthMethod;
  /** SHA-256 of the client secret (confidential DCR clients). */
  readonly secretHash?: string;
  /** The metadata document URL, for CIMD clients (equal to `clientId`). */
  readonly metadataUrl?: string;
}
