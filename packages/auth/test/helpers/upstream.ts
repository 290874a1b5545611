/**
 * The upstream identity provider of the tests: the certified `oidc-provider`
 * on 127.0.0.1, with a small login page of our own (user name, Sign in or
 * Cancel) instead of its development pages.
 */
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { bodyOf, type Listening, listen } from './listen.js';

/** A running upstream provider. */
export interface Upstream {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly close: () => Promise<void>;
}

const loginPage = (uid: string) => `<!doctype html><html lang="en"><head><title>Upstream sign-in</title></head><body>
<form method="post" action="/interaction/${uid}">
<label>User name <input name="login" autocomplete="username"></label>
<button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form></body></html>`;

type Payload = Record<string, unknown>;

/** oidc-provider's storage, in memory and per provider (its default adapter is shared and warns). */
const memoryAdapter = () => {
  const rows = new Map<string, Payload>();
  return class MemoryAdapter {
    constructor(readonly name: string) {}
    key(id: string) {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: Payload) {
      rows.set(this.key(id), payload);
    }
    async find(id: string) {
      return rows.get(this.key(id));
    }
    async findByUid(uid: string) {
      return [...rows.entries()].find(([k, p]) => k.startsWith(`${this.name}:`) && p.uid === uid)?.[1];
    }
    async findByUserCode(code: string) {
      return [...rows.entries()].find(([k, p]) => k.startsWith(`${this.name}:`) && p.userCode === code)?.[1];
    }
    async consume(id: string) {
      const row = rows.get(this.key(id));
      if (row) row.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      rows.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, p] of rows) if (p.grantId === grantId) rows.delete(k);
    }
  };
};

/** Starts oidc-provider with one confidential client whose redirect URI is `redirectUri`. */
export const startUpstream = async (
  redirectUri: string,
  options: { accessTokenTtl?: number } = {},
): Promise<Upstream> => {
  let provider: Provider | undefined;
  const listening: Listening = await listen(async (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!provider) return res.end();
    if (!match) return provider.callback()(req, res);
    try {
      if (req.method === 'GET') {
        const details = await provider.interactionDetails(req, res);
        res.setHeader('content-type', 'text/html');
        return res.end(loginPage(details.uid));
      }
      const form = new URLSearchParams(await bodyOf(req));
      const details = await provider.interactionDetails(req, res);
      if (form.get('action') !== 'login') {
        return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled' });
      }
      const accountId = form.get('login') || 'alice';
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id as string });
      grant.addOIDCScope(details.params.scope as string);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  const clientId = 'mcpkit-proxy';
  const clientSecret = 'upstream-secret-of-the-proxy';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  provider = new Provider(listening.origin, {
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'upstream', alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      RefreshToken: 86_400,
    },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, name: `${id[0]?.toUpperCase()}${id.slice(1)}`, email: `${id}@example.test` }),
    }),
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    conformIdTokenClaims: false,
    issueRefreshToken: () => true,
    cookies: { keys: ['test-cookie-key'] },
  });
  // Its own log lines would only clutter the test output.
  provider.on('server_error', () => undefined);
  return { issuer: listening.origin, clientId, clientSecret, close: listening.close };
};
