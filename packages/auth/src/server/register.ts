import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';
import type { ClientAuthMethod, ClientRecord } from './client-record.js';
import type { ServerContext } from './context.js';
import { BodyError, readText } from './read-form.js';
import { isRedirectUri } from './redirect-uri.js';
import { noStoreJson, oauthError } from './responses.js';

const METHODS = new Set<ClientAuthMethod>(['none', 'client_secret_basic', 'client_secret_post']);
const GRANTS = new Set(['authorization_code', 'refresh_token']);

/** Dynamic Client Registration (RFC 7591): `POST /register` with the client's metadata as JSON. */
export const register =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    let metadata: Record<string, unknown>;
    try {
      metadata = JSON.parse(await readText(request, ctx.maxRequestBytes));
    } catch (error) {
      const tooLarge = error instanceof BodyError;
      return oauthError(
        tooLarge ? 413 : 400,
        'invalid_client_metadata',
        tooLarge ? error.message : 'the body must be JSON',
      );
    }
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
      return oauthError(400, 'invalid_client_metadata', 'the body must be a JSON object');
    }
    const redirectUris = metadata.redirect_uris;
    if (!Array.isArray(redirectUris) || redirectUris.length === 0 || redirectUris.length > ctx.maxRedirectUris) {
      return oauthError(400, 'invalid_redirect_uri', `redirect_uris must list 1 to ${ctx.maxRedirectUris} URIs`);
    }
    if (!redirectUris.every(isRedirectUri)) {
      return oauthError(
        400,
        'invalid_redirect_uri',
        'redirect URIs must be https, loopback http, or an app scheme, without fragment',
      );
    }
    const method = (metadata.token_endpoint_auth_method ?? 'none') as ClientAuthMethod;
    if (!METHODS.has(method))
      return oauthError(400, 'invalid_client_metadata', 'unsupported token_endpoint_auth_method');
    const grantTypes = metadata.grant_types ?? ['authorization_code', 'refresh_token'];
    if (!Array.isArray(grantTypes) || !grantTypes.every((g) => GRANTS.has(g))) {
      return oauthError(400, 'invalid_client_metadata', 'unsupported grant_types');
    }
    const responseTypes = metadata.response_types ?? ['code'];
    if (!Array.isArray(responseTypes) || !responseTypes.every((r) => r === 'code')) {
      return oauthError(400, 'invalid_client_metadata', 'unsupported response_types');
    }
    const clientName =
      typeof metadata.client_name === 'string' && metadata.client_name ? metadata.client_name.slice(0, 200) : undefined;
    const clientId = randomToken(16);
    const secret = method === 'none' ? undefined : randomToken(32);
    const record: ClientRecord = {
      clientId,
      redirectUris: redirectUris as string[],
      authMethod: method,
      ...(clientName ? { clientName } : {}),
      ...(secret ? { secretHash: await sha256(secret) } : {}),
    };
    await ctx.store.set(`client:${clientId}`, record, { ttlMs: ctx.lifetimes.client * 1000 });
    const issuedAt = Math.floor(Date.now() / 1000);
    return noStoreJson(
      {
        client_id: clientId,
        client_id_issued_at: issuedAt,
        ...(secret ? { client_secret: secret, client_secret_expires_at: issuedAt + ctx.lifetimes.client } : {}),
        redirect_uris: record.redirectUris,
        token_endpoint_auth_method: method,
        grant_types: grantTypes,
        response_types: responseTypes,
        ...(clientName ? { client_name: clientName } : {}),
        ...(typeof metadata.scope === 'string' ? { scope: metadata.scope } : {}),
      },
      201,
    );
  };
