/** An MCP client of the official SDK v1 doing the OAuth flow, as a native app on a loopback redirect. */
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';

/** The SDK's OAuthClientProvider, kept in memory; it records the authorization URL instead of opening a browser. */
export class MemoryClientProvider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  #client: OAuthClientInformationMixed | undefined;
  #tokens: OAuthTokens | undefined;
  #verifier = '';
  readonly clientMetadataUrl: string | undefined;

  constructor(
    readonly redirectUrl: string,
    options: { metadataUrl?: string } = {},
  ) {
    this.clientMetadataUrl = options.metadataUrl;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'Test Client',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.#client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.#client = info;
  }
  tokens() {
    return this.#tokens;
  }
  saveTokens(tokens: OAuthTokens) {
    this.#tokens = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.#verifier = verifier;
  }
  codeVerifier() {
    return this.#verifier;
  }
}

/** Connects an SDK client with `provider`; resolves the client, or the UnauthorizedError that asks for sign-in. */
export const connect = async (url: string, provider: OAuthClientProvider): Promise<Client | UnauthorizedError> => {
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  const client = new Client({ name: 'oauth-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    return client;
  } catch (error) {
    if (error instanceof UnauthorizedError) return error;
    throw error;
  }
};

/** Finishes sign-in with the code the redirect carried (the SDK exchanges it). */
export const finishAuth = async (url: string, provider: OAuthClientProvider, code: string): Promise<void> => {
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  await transport.finishAuth(code);
};

/** The text of a tool result's first content block. */
export const textOf = (result: unknown): string => {
  const [first] = (result as { content: { type: string; text?: string }[] }).content;
  return first?.type === 'text' ? (first.text ?? '') : '';
};
