import type { ServerContext } from './context.js';

/** The authorization server metadata (RFC 8414), also served at the OpenID discovery path. */
export const authorizationServerMetadata = (ctx: ServerContext): Record<string, unknown> => ({
  issuer: ctx.issuer,
  authorization_endpoint: ctx.urls.authorize,
  token_endpoint: ctx.urls.token,
  ...(ctx.registration ? { registration_endpoint: ctx.urls.register } : {}),
  revocation_endpoint: ctx.urls.revoke,
  jwks_uri: ctx.urls.jwks,
  ...(ctx.scopesSupported.length ? { scopes_supported: [...ctx.scopesSupported] } : {}),
  response_types_supported: ['code'],
  response_modes_supported: ['query'],
  grant_types_supported: ['authorization_code', 'refresh_token'],
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
  revocation_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
  client_id_metadata_document_supported: ctx.cimd.enabled !== false,
  authorization_response_iss_parameter_supported: true,
});
