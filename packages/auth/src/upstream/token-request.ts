import { UpstreamError, type UpstreamTokens } from './types.js';

/** How the proxy authenticates to the provider's token endpoint. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret?: string;
  /** `client_secret_basic` (default when there is a secret) or `client_secret_post`. */
  readonly tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

/** Default time an upstream call may take. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * POSTs a token request (RFC 6749 §3.2) and reads the JSON answer into
 * UpstreamTokens plus the raw body; any error answer rejects.
 */
export const tokenRequest = async (
  endpoint: string,
  credentials: ClientCredentials,
  params: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<{ tokens: UpstreamTokens; body: Record<string, unknown> }> => {
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const method = credentials.tokenEndpointAuthMethod ?? 'client_secret_basic';
  if (credentials.clientSecret !== undefined && method === 'client_secret_basic') {
    const encode = (s: string) => encodeURIComponent(s);
    headers.authorization = `Basic ${btoa(`${encode(credentials.clientId)}:${encode(credentials.clientSecret)}`)}`;
  } else {
    form.set('client_id', credentials.clientId);
    if (credentials.clientSecret !== undefined) form.set('client_secret', credentials.clientSecret);
  }
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object')
    throw new UpstreamError(`token endpoint answered ${response.status} without JSON`);
  // GitHub answers errors with 200 and an `error` member.
  if (!response.ok || typeof body.error === 'string') {
    throw new UpstreamError(`token endpoint refused: ${String(body.error ?? response.status)}`);
  }
  if (typeof body.access_token !== 'string' || !body.access_token)
    throw new UpstreamError('no access_token in the answer');
  const expiresIn = Number(body.expires_in);
  const tokens: UpstreamTokens = {
    accessToken: body.access_token,
    tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: Math.floor(Date.now() / 1000) + expiresIn } : {}),
    ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
    ...(typeof body.id_token === 'string' ? { idToken: body.id_token } : {}),
  };
  return { tokens, body };
};
