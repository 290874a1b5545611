/**
 * A remote MCP server with sign-in. `oauthProxy()` makes it the OAuth
 * authorization server MCP clients expect, while users sign in at:
 *
 *   GITHUB_CLIENT_ID + GITHUB_CLIENT_SECRET   GitHub
 *   GOOGLE_CLIENT_ID + GOOGLE_CLIENT_SECRET   Google
 *   ENTRA_CLIENT_ID + ENTRA_CLIENT_SECRET     Microsoft Entra ID (ENTRA_TENANT optional)
 *   none of these                             a local development OpenID provider
 *
 * Run: `pnpm --filter @mcpkit/example-oauth start` (PORT 3000, UPSTREAM_PORT 4000).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { entra, github, google, type OAuthProxy, oauthProxy, oidc, type UpstreamProvider } from '@mcpkit/auth';
import { createServer, tool } from '@mcpkit/core';
import { toNodeHandler } from '@mcpkit/runtime';
import { DEV_CLIENT, mountDevUpstream } from './dev-upstream.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The MCP server: who am I, and a tool that calls the provider's API as the signed-in user. */
export const createMcpServer = (auth: () => OAuthProxy) =>
  createServer({ name: 'oauth-example', version: '1.0.0' }, [
    tool({
      name: 'whoami',
      description: 'Who signed in, as the server sees it',
      run: (_args, ctx) => JSON.stringify({ subject: ctx.auth?.subject, scopes: ctx.auth?.scopes }),
    }),
    tool({
      name: 'upstream_token_info',
      description: 'Shows that the server holds an upstream token for you (never sent to the client)',
      run: async (_args, ctx) => {
        const upstream = await auth().upstream(ctx.auth);
        return JSON.stringify({ provider: upstream.provider, expiresAt: upstream.expiresAt ?? null });
      },
    }),
  ]);

const listen = async (server: Server, port: number, host: string): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
};

/** The identity provider the environment names, or undefined for the local development one. */
const providerFromEnv = (env: Env): UpstreamProvider | undefined => {
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    return github({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET });
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    return google({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET });
  }
  if (env.ENTRA_CLIENT_ID && env.ENTRA_CLIENT_SECRET) {
    return entra({ clientId: env.ENTRA_CLIENT_ID, clientSecret: env.ENTRA_CLIENT_SECRET, tenant: env.ENTRA_TENANT });
  }
  return undefined;
};

/** What `start` resolves to. */
export interface Running {
  readonly url: string;
  readonly upstream: string;
  readonly close: () => Promise<void>;
}

/** Starts the MCP server (and the development provider when no real one is configured); port 0 picks free ports. */
export const start = async (
  env: Env,
  port = Number(env.PORT ?? 3000),
  upstreamPort = Number(env.UPSTREAM_PORT ?? 4000),
): Promise<Running> => {
  const host = env.HOST ?? '127.0.0.1';
  const http = createHttpServer();
  const origin = await listen(http, port, host);
  let provider = providerFromEnv(env);
  let upstreamServer: Server | undefined;
  let upstream = provider?.name ?? '';
  if (!provider) {
    upstreamServer = createHttpServer();
    upstream = await listen(upstreamServer, upstreamPort, host);
    mountDevUpstream(upstreamServer, upstream, `${env.BASE_URL ?? origin}/oauth/callback`);
    provider = oidc({ issuer: upstream, ...DEV_CLIENT, scopes: ['openid', 'profile', 'email', 'offline_access'] });
  }
  const auth = oauthProxy({
    provider,
    baseUrl: env.BASE_URL ?? origin,
    scopes: ['notes:read'],
    resourceName: 'OAuth example',
    // Set MCPKIT_AUTH_KEY (32 random bytes, base64url) so sign-ins survive restarts.
    ...(env.MCPKIT_AUTH_KEY ? { encryptionKey: env.MCPKIT_AUTH_KEY } : {}),
  });
  // Browser-based clients (the MCP Inspector) call the token and registration endpoints cross-origin.
  const handler = toNodeHandler(
    createMcpServer(() => auth),
    { auth, cors: true },
  );
  http.on('request', handler);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `${env.BASE_URL ?? origin}/mcp`,
    upstream,
    close: async () => {
      handler.close();
      await Promise.all([close(http), ...(upstreamServer ? [close(upstreamServer)] : [])]);
    },
  };
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const running = await start(process.env);
  console.error(`MCP server with sign-in: ${running.url}`);
  console.error(`identity provider: ${running.upstream}`);
  console.error(
    'Try it: npx @modelcontextprotocol/inspector, transport "Streamable HTTP", URL above, then "Open Auth Settings" → "Quick OAuth Flow".',
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
