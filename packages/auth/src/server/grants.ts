import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';
import type { ServerContext } from './context.js';
import type { GrantRecord } from './records.js';

/** Stores `grant`, keeping it only until its own end. */
export const saveGrant = async (ctx: ServerContext, grant: GrantRecord): Promise<void> => {
  const ttlMs = grant.expiresAt - Date.now();
  if (ttlMs <= 0) return revokeGrant(ctx, grant.grantId);
  await ctx.store.set(`grant:${grant.grantId}`, grant, { ttlMs });
};

/** Ends a grant: its refresh token and, since verification checks the grant, its access tokens. */
export const revokeGrant = async (ctx: ServerContext, grantId: string): Promise<void> => {
  const grant = await ctx.store.take<GrantRecord>(`grant:${grantId}`);
  if (grant?.refresh) await ctx.store.delete(`refresh:${grant.refresh}`);
};

/** The token response for `grant`: a fresh access token, and a new refresh token (rotation). */
export const issueTokens = async (ctx: ServerContext, grant: GrantRecord): Promise<Record<string, unknown>> => {
  const refreshToken = randomToken(32);
  const refresh = await sha256(refreshToken);
  const expiresAt = Math.min(grant.expiresAt, Date.now() + ctx.lifetimes.refreshToken * 1000);
  await saveGrant(ctx, { ...grant, refresh, expiresAt });
  await ctx.store.set(`refresh:${refresh}`, { grantId: grant.grantId }, { ttlMs: Math.max(1, expiresAt - Date.now()) });
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await ctx.signer.sign({
    iss: ctx.issuer,
    sub: grant.subject,
    aud: grant.resource,
    client_id: grant.clientId,
    scope: grant.scopes.join(' '),
    iat: now,
    exp: now + ctx.lifetimes.accessToken,
    jti: randomToken(12),
    gid: grant.grantId,
  });
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ctx.lifetimes.accessToken,
    refresh_token: refreshToken,
    scope: grant.scopes.join(' '),
  };
};
