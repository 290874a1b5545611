/**
 * The same sign-in with the official SDK v2 client (`@modelcontextprotocol/client`):
 * discovery, DCR, PKCE, the redirect (with RFC 9207 `iss`, which v2 checks),
 * the code exchange, then tools/call; and separately with CIMD.
 */
import {
  Client,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
  StreamableHTTPClientTransport,
  UnauthorizedError,
} from '@modelcontextprotocol/client';
import { afterEach, describe, expect, test } from 'vitest';
import { textOf } from './helpers/client.js';
import { drive } from './helpers/driver.js';
import { listen, TEST_CERT } from './helpers/listen.js';
import { type Stack, startStack } from './helpers/stack.js';

const REDIRECT = 'http://127.0.0.1:43120/callback';
const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** The v2 OAuthClientProvider, in memory, recording the authorization URL. */
class V2Provider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  #client: StoredOAuthClientInformation | undefined;
  #tokens: StoredOAuthTokens | undefined;
  #verifier = '';
  constructor(readonly clientMetadataUrl?: string) {}
  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'V2 Client',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.#client;
  }
  saveClientInformation(info: StoredOAuthClientInformation) {
    this.#client = info;
  }
  tokens() {
    return this.#tokens;
  }
  saveTokens(tokens: StoredOAuthTokens) {
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

const connectV2 = async (url: string, provider: V2Provider): Promise<Client | UnauthorizedError> => {
  const client = new Client({ name: 'oauth-v2-test', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
    return client;
  } catch (error) {
    if (error instanceof UnauthorizedError) return error;
    throw error;
  }
};

const signInV2 = async (stack: Stack, provider: V2Provider) => {
  expect(await connectV2(stack.mcpUrl, provider)).toBeInstanceOf(UnauthorizedError);
  const result = await drive((provider.authorizationUrl as URL).href, REDIRECT);
  if (result.kind !== 'redirect') throw new Error(`stopped at a page: ${result.status}`);
  const transport = new StreamableHTTPClientTransport(new URL(stack.mcpUrl), { authProvider: provider });
  await transport.finishAuth(result.url.searchParams);
  const client = await connectV2(stack.mcpUrl, provider);
  if (client instanceof Error) throw client;
  open.push({ close: () => client.close() });
  return client;
};

describe('sign-in with the SDK v2 client', () => {
  test('DCR, PKCE, redirect with iss, code exchange, then tools/call', async () => {
    const stack = await startStack();
    open.push(stack);
    const provider = new V2Provider();
    const client = await signInV2(stack, provider);
    expect(provider.authorizationUrl?.searchParams.get('code_challenge_method')).toBe('S256');
    const who = JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })));
    expect(who).toMatchObject({ subject: 'alice', clientId: provider.clientInformation()?.client_id });
  });

  test('CIMD: the metadata URL is the client_id', async () => {
    let origin = '';
    const docs = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          client_id: `${origin}/v2-client.json`,
          client_name: 'V2 Client',
          redirect_uris: [REDIRECT],
          token_endpoint_auth_method: 'none',
        }),
      );
    }, true);
    origin = docs.origin;
    open.push(docs);
    const stack = await startStack({ cimd: { allowPrivateAddresses: true, ca: TEST_CERT } });
    open.push(stack);
    const provider = new V2Provider(`${origin}/v2-client.json`);
    const client = await signInV2(stack, provider);
    const who = JSON.parse(textOf(await client.callTool({ name: 'whoami', arguments: {} })));
    expect(who).toMatchObject({ subject: 'alice', clientId: `${origin}/v2-client.json` });
  });
});
