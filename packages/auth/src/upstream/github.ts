import { type ClientCredentials, DEFAULT_UPSTREAM_TIMEOUT_MS, tokenRequest } from './token-request.js';
import { UpstreamError, type UpstreamProvider } from './types.js';

/** Options of {@link github}: a GitHub OAuth app (or GitHub App) and its secret. */
export interface GithubOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Scopes asked of GitHub. Default `read:user user:email`. */
  readonly scopes?: readonly string[];
  /** GitHub's web origin (GitHub Enterprise Server: yours). Default `https://github.com`. */
  readonly webUrl?: string;
  /** GitHub's API origin. Default `https://api.github.com`. */
  readonly apiUrl?: string;
  /** Time one call to GitHub may take. Default 10 s. */
  readonly timeoutMs?: number;
}

/**
 * GitHub sign-in (OAuth 2.0, not OpenID: the user comes from `GET /user`).
 * PKCE is sent too. Callback URL to register: `<baseUrl>/oauth/callback`.
 * Tokens of OAuth apps do not expire; those of GitHub Apps with expiring
 * user tokens are refreshed.
 */
export const github = (options: GithubOptions): UpstreamProvider => {
  if (!options?.clientId || !options.clientSecret)
    throw new TypeError('github(): clientId and clientSecret are required');
  const web = (options.webUrl ?? 'https://github.com').replace(/\/+$/, '');
  const api = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const credentials: ClientCredentials = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    tokenEndpointAuthMethod: 'client_secret_post',
  };
  const tokenUrl = `${web}/login/oauth/access_token`;
  const provider: UpstreamProvider = {
    kind: 'upstream',
    name: 'github',
    authorizationUrl: async ({ redirectUri, state, codeChallenge }) => {
      const url = new URL(`${web}/login/oauth/authorize`);
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', (options.scopes ?? ['read:user', 'user:email']).join(' '));
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('allow_signup', 'false');
      return url.href;
    },
    exchange: async ({ code, redirectUri, codeVerifier }) => {
      const { tokens } = await tokenRequest(
        tokenUrl,
        credentials,
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
        timeoutMs,
      );
      const response = await fetch(`${api}/user`, {
        headers: {
          authorization: `Bearer ${tokens.accessToken}`,
          accept: 'application/vnd.github+json',
          'user-agent': 'mcpkit-auth',
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new UpstreamError(`GitHub /user answered ${response.status}`);
      const claims = (await response.json()) as Record<string, unknown>;
      if (typeof claims.id !== 'number' && typeof claims.id !== 'string')
        throw new UpstreamError('GitHub user without id');
      const login = typeof claims.login === 'string' ? claims.login : undefined;
      const name = typeof claims.name === 'string' && claims.name ? claims.name : login;
      return {
        user: {
          subject: String(claims.id),
          ...(name ? { name } : {}),
          ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
          claims,
        },
        tokens,
      };
    },
    refresh: async (refreshToken) => {
      const { tokens } = await tokenRequest(
        tokenUrl,
        credentials,
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        timeoutMs,
      );
      return tokens;
    },
  };
  return Object.freeze(provider);
};
