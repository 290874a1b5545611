/**
 * A throwaway OpenID provider for trying sign-in locally: the certified
 * `oidc-provider` with its development login and consent pages (any user
 * name and password sign in). Never use it for anything real.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** The client the proxy signs in as. */
export const DEV_CLIENT = { clientId: 'mcpkit-example', clientSecret: 'dev-only-secret' } as const;

/** Mounts a development provider at `origin` on `server`, trusting `callbackUrl`. */
export const mountDevUpstream = (server: Server, origin: string, callbackUrl: string): void => {
  const provider = new Provider(origin, {
    clients: [
      {
        client_id: DEV_CLIENT.clientId,
        client_secret: DEV_CLIENT.clientSecret,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, name: id, email: `${id}@example.test` }),
    }),
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    conformIdTokenClaims: false,
    issueRefreshToken: () => true,
    cookies: { keys: ['example-only'] },
  });
  server.on('request', provider.callback());
};
