import type { AuthInfo } from '@mcpkit/core';
import type { Authenticator, AuthOptions } from '../http/auth-options.js';
import type { HttpReply, HttpRequest, Reply } from '../http/exchange.js';
import { jsonResponse } from '../http/responses.js';
import type { Endpoints, MethodHandler } from '../http/router.js';
import { insufficientScope, unauthorized } from './challenge.js';
import { METADATA_PREFIX, metadataDocument, metadataPath, metadataUrl } from './metadata.js';

/** A transport handler that also gets the request's verified identity (undefined without auth). */
export type AuthedHandler = (request: HttpRequest, auth?: AuthInfo) => Reply | Promise<Reply>;

/** The OAuth 2.1 resource-server side of one transport. */
export interface ResourceServer {
  /** Public metadata routes: `/.well-known/oauth-protected-resource` and its path-suffixed form. */
  readonly endpoints: Endpoints;
  /** Wraps a handler so it runs only for requests with a valid token (401/403 otherwise). */
  readonly protect: (handler: AuthedHandler) => MethodHandler;
}

// RFC 6750 b64token, after the case-insensitive scheme.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of `Authorization: Bearer`, undefined when the header is absent or another scheme, '' when malformed. */
const tokenOf = (request: HttpRequest): string | undefined => {
  const header = request.header('authorization');
  if (header === null || !/^Bearer(\s|$)/i.test(header)) return undefined;
  return BEARER.exec(header)?.[1] ?? '';
};

const expired = (auth: AuthInfo): boolean => auth.expiresAt !== undefined && auth.expiresAt * 1000 <= Date.now();

/**
 * Builds the resource server for a transport whose MCP endpoint is
 * `endpointPath`, or undefined when `options.auth` is not set. Tokens are read
 * only from the Authorization header, never from the query string.
 */
export const createResourceServer = (given: AuthOptions, endpointPath: string): ResourceServer | undefined => {
  const { auth } = given;
  if (!auth) return undefined;
  const options = withAuthDefaults(given, auth);
  if (options.resourceUrl !== undefined) {
    const url = URL.canParse(options.resourceUrl) ? new URL(options.resourceUrl) : undefined;
    if (!url || url.hash) throw new TypeError('resourceUrl must be an absolute URL without a fragment');
  }
  const resourceOf = (request: HttpRequest): string => options.resourceUrl ?? new URL(endpointPath, request.url()).href;
  const required = auth.requiredScopes;

  const metadata: MethodHandler = (request) =>
    jsonResponse(metadataDocument(options, resourceOf(request)), 200, { 'Cache-Control': 'max-age=3600' });
  const paths = new Set([METADATA_PREFIX, metadataPath(endpointPath)]);
  if (options.resourceUrl !== undefined) paths.add(metadataPath(new URL(options.resourceUrl).pathname));
  const endpoints: Record<string, Record<string, MethodHandler>> = Object.fromEntries(
    [...paths].map((path) => [path, { GET: metadata }]),
  );
  // An authorization server's routes (oauthProxy) are public, like the metadata.
  for (const [key, handler] of Object.entries(auth.routes ?? {})) {
    const [method = '', path = ''] = key.trim().split(/\s+/);
    endpoints[path] = { ...endpoints[path], [method.toUpperCase()]: (request) => handler(request.toWeb()) };
  }

  // Either the verified identity or the reply refusing the request.
  const authenticate = async (request: HttpRequest): Promise<{ auth: AuthInfo } | { refused: HttpReply }> => {
    const resource = resourceOf(request);
    const where = metadataUrl(resource);
    const token = tokenOf(request);
    if (token === undefined) return { refused: unauthorized(where, required, false) };
    let info: AuthInfo | undefined;
    try {
      info = token ? await auth.verify(token, { request: request.toWeb(), resource }) : undefined;
    } catch {
      info = undefined;
    }
    if (!info || expired(info)) return { refused: unauthorized(where, required, true) };
    if (!required.every((scope) => info.scopes.includes(scope))) return { refused: insufficientScope(where, required) };
    return { auth: info };
  };

  return {
    endpoints,
    protect: (handler) => async (request) => {
      const result = await authenticate(request);
      return 'refused' in result ? result.refused : handler(request, result.auth);
    },
  };
};

/** The metadata options, filled from what the authenticator brings where the transport gives none. */
const withAuthDefaults = (options: AuthOptions, auth: Authenticator): AuthOptions => {
  const defaults = auth.metadata;
  if (!defaults) return options;
  // Tokens are issued for the authenticator's resource: advertising another one would only fail later.
  if (
    options.resourceUrl !== undefined &&
    defaults.resourceUrl !== undefined &&
    options.resourceUrl !== defaults.resourceUrl
  ) {
    throw new TypeError(`resourceUrl ${options.resourceUrl} differs from the authenticator's ${defaults.resourceUrl}`);
  }
  return {
    ...options,
    resourceUrl: options.resourceUrl ?? defaults.resourceUrl,
    authorizationServers: options.authorizationServers ?? defaults.authorizationServers,
    scopesSupported: options.scopesSupported ?? defaults.scopesSupported,
    resourceName: options.resourceName ?? defaults.resourceName,
  };
};

/** `handler` behind `server` when there is one; without auth it is the handler itself (`auth` undefined). */
export const protect = (server: ResourceServer | undefined, handler: AuthedHandler): MethodHandler =>
  server ? server.protect(handler) : handler;
