import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type ClientCredentials, DEFAULT_UPSTREAM_TIMEOUT_MS, tokenRequest } from './token-request.js';
import { UpstreamError, type UpstreamProvider, type UpstreamTokens, type UpstreamUser } from './types.js';

/** Options of {@link oidc}. */
export interface OidcOptions extends ClientCredentials {
  /** The provider's issuer; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** Scopes asked of the provider. Default `openid profile email offline_access`. */
  readonly scopes?: readonly string[];
  /** Extra authorization parameters (e.g. Google's `access_type: 'offline'`). */
  readonly authorizationParams?: Readonly<Record<string, string>>;
  /** A short name for logs and pages. Default `oidc`. */
  readonly name?: string;
  /** Time one call to the provider may take. Default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Accepts an ID token's `iss` other than `issuer` (multi-tenant providers
   * such as Entra's `common`, whose discovery says `{tenantid}`). Default: exact match.
   */
  readonly acceptIssuer?: (iss: string, claims: Readonly<Record<string, unknown>>) => boolean;
  /** Allowed clock skew for ID token times, in seconds. Default 60. */
  readonly clockToleranceSeconds?: number;
}

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly userinfo_endpoint?: string;
}

/**
 * Any OpenID Connect provider, found through its discovery document: the
 * authorization code flow with PKCE (S256) and `nonce`; the ID token's
 * signature, `iss`, `aud`, `azp`, `exp` and `nonce` are checked; the user is
 * its claims.
 *
 * @example
 * oidc({ issuer: 'https://login.example.com', clientId: 'mcp', clientSecret: process.env.OIDC_SECRET })
 */
export const oidc = (options: OidcOptions): UpstreamProvider => {
  if (!options?.issuer || !options.clientId) throw new TypeError('oidc(): issuer and clientId are required');
  const issuer = options.issuer.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const scopes = options.scopes ?? ['openid', 'profile', 'email', 'offline_access'];
  let discovery: Promise<{ doc: Discovery; keys: JWTVerifyGetKey }> | undefined;

  const discover = () => {
    discovery ??= (async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new UpstreamError(`discovery answered ${response.status}`);
      const doc = (await response.json()) as Discovery;
      const sameIssuer = doc.issuer?.replace(/\/+$/, '') === issuer;
      if (!sameIssuer && !options.acceptIssuer)
        throw new UpstreamError('discovery issuer differs from the configured one');
      for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
        if (typeof doc[field] !== 'string') throw new UpstreamError(`discovery lacks ${field}`);
      }
      return { doc, keys: createRemoteJWKSet(new URL(doc.jwks_uri)) };
    })();
    // A failed discovery is retried on the next sign-in.
    discovery.catch(() => {
      discovery = undefined;
    });
    return discovery;
  };

  const checkIdToken = async (idToken: string, nonce: string): Promise<UpstreamUser> => {
    const { doc, keys } = await discover();
    const { payload } = await jwtVerify(idToken, keys, {
      audience: options.clientId,
      clockTolerance: options.clockToleranceSeconds ?? 60,
      ...(options.acceptIssuer ? {} : { issuer: [doc.issuer, issuer] }),
    }).catch((error: unknown) => {
      throw new UpstreamError(`ID token refused: ${(error as Error).message}`);
    });
    const claims = payload as Record<string, unknown>;
    if (options.acceptIssuer && !options.acceptIssuer(String(payload.iss), claims)) {
      throw new UpstreamError('ID token issuer refused');
    }
    if (payload.nonce !== nonce) throw new UpstreamError('ID token nonce mismatch');
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== options.clientId) {
      throw new UpstreamError('ID token azp mismatch');
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw new UpstreamError('ID token without sub');
    return {
      subject: payload.sub,
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
      claims,
    };
  };

  const provider: UpstreamProvider = {
    kind: 'upstream',
    name: options.name ?? 'oidc',
    authorizationUrl: async ({ redirectUri, state, codeChallenge, nonce }) => {
      const { doc } = await discover();
      const url = new URL(doc.authorization_endpoint);
      const params: Record<string, string> = {
        ...options.authorizationParams,
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state,
        nonce,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      };
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return url.href;
    },
    exchange: async ({ code, redirectUri, codeVerifier, nonce }) => {
      const { doc } = await discover();
      const { tokens } = await tokenRequest(
        doc.token_endpoint,
        options,
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
        timeoutMs,
      );
      if (!tokens.idToken) throw new UpstreamError('the provider sent no ID token (is the openid scope asked?)');
      return { user: await checkIdToken(tokens.idToken, nonce), tokens };
    },
    refresh: async (refreshToken): Promise<UpstreamTokens> => {
      const { doc } = await discover();
      const { tokens } = await tokenRequest(
        doc.token_endpoint,
        options,
        { grant_type: 'refresh_token', refresh_token: refreshToken },
        timeoutMs,
      );
      // Providers that do not rotate keep the old refresh token valid.
      return tokens.refreshToken ? tokens : { ...tokens, refreshToken };
    },
  };
  return Object.freeze(provider);
};
