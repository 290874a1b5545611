/**
 * The whole test setup on 127.0.0.1: an MCP server behind `oauthProxy()`, the
 * upstream oidc-provider it delegates sign-in to, and the loopback listener a
 * native MCP client gets its authorization response on.
 */
import { createServer, tool } from '@mcpkit/core';
import { toNodeHandler } from '@mcpkit/runtime';
import * as v from 'valibot';
import { type OAuthProxy, type OAuthProxyOptions, oauthProxy, oidc, type UpstreamProvider } from '../../src/index.js';
import { type Listening, listen } from './listen.js';
import { startUpstream, type Upstream } from './upstream.js';

/** Every part of a running stack. */
export interface Stack {
  readonly mcpUrl: string;
  readonly baseUrl: string;
  readonly proxy: OAuthProxy;
  readonly upstream: Upstream;
  /** Errors the proxy reported (upstream failures). */
  readonly errors: unknown[];
  readonly close: () => Promise<void>;
}

/** A server whose tools show the caller, need a scope, and use the upstream token. */
const createMcpServer = (auth: () => OAuthProxy, upstreamIssuer: () => string) =>
  createServer({ name: 'oauth-test', version: '1.0.0' }, [
    tool({
      name: 'whoami',
      run: (_args, ctx) =>
        JSON.stringify({ subject: ctx.auth?.subject, scopes: ctx.auth?.scopes, clientId: ctx.auth?.clientId }),
    }),
    tool({
      name: 'write_note',
      requires: { scopes: ['notes:write'] },
      input: v.object({ text: v.string() }),
      run: ({ text }) => `saved: ${text}`,
    }),
    tool({
      name: 'upstream_profile',
      // A handler calling the provider's API as the signed-in user.
      run: async (_args, ctx) => {
        const token = await auth().upstream(ctx.auth);
        const response = await fetch(`${upstreamIssuer()}/me`, {
          headers: { authorization: `Bearer ${token.accessToken}` },
        });
        const profile = (await response.json()) as Record<string, unknown>;
        return JSON.stringify({ status: response.status, sub: profile.sub, token: token.accessToken });
      },
    }),
  ]);

/** Starts a stack; `options` override the proxy's. */
export const startStack = async (
  options: Partial<OAuthProxyOptions> = {},
  upstreamOptions: { accessTokenTtl?: number } = {},
  wrapProvider: (provider: UpstreamProvider) => UpstreamProvider = (provider) => provider,
): Promise<Stack> => {
  const mcp: Listening = await listen();
  const upstream = await startUpstream(`${mcp.origin}/oauth/callback`, upstreamOptions);
  const errors: unknown[] = [];
  const proxy = oauthProxy({
    provider: wrapProvider(
      oidc({ issuer: upstream.issuer, clientId: upstream.clientId, clientSecret: upstream.clientSecret }),
    ),
    baseUrl: mcp.origin,
    scopes: ['notes:read', 'notes:write'],
    defaultScopes: ['notes:read'],
    resourceName: 'Notes',
    onError: (error) => errors.push(error),
    ...options,
  });
  const handler = toNodeHandler(
    createMcpServer(
      () => proxy,
      () => upstream.issuer,
    ),
    { auth: proxy },
  );
  mcp.server.on('request', handler);
  return {
    mcpUrl: `${mcp.origin}/mcp`,
    baseUrl: mcp.origin,
    proxy,
    upstream,
    errors,
    close: async () => {
      handler.close?.();
      await Promise.all([mcp.close(), upstream.close()]);
    },
  };
};
