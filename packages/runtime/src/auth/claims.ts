import type { AuthInfo } from '@mcpkit/core';

const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Scopes from the `scope` claim (space-separated, RFC 9068) or `scp` (an array, or a string). */
export const scopesOf = (claims: Readonly<Record<string, unknown>>): string[] => {
  const raw = claims.scope ?? claims.scp;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
  return list.filter((scope): scope is string => typeof scope === 'string' && scope !== '');
};

/**
 * Builds AuthInfo from a verified token's claims: subject from `sub`, scopes
 * from `scope`/`scp`, client from `client_id` (RFC 9068), `azp` (OIDC) or
 * `cid` (Okta), expiry from `exp`.
 */
export const authInfoFromClaims = (claims: Readonly<Record<string, unknown>>): AuthInfo => {
  const clientId = stringOf(claims.client_id) ?? stringOf(claims.azp) ?? stringOf(claims.cid);
  const expiresAt = typeof claims.exp === 'number' ? claims.exp : undefined;
  return {
    subject: stringOf(claims.sub),
    scopes: scopesOf(claims),
    claims,
    ...(clientId === undefined ? {} : { clientId }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
};
