import type { AuthInfo } from '@mcpkit/core';
import type { UpstreamTokens } from '../upstream/types.js';
import { UpstreamError } from '../upstream/types.js';
import type { ServerContext } from './context.js';
import { saveGrant } from './grants.js';
import type { GrantRecord } from './records.js';

/** What a handler gets of the upstream sign-in: never the refresh token. */
export interface UpstreamAccess {
  /** A valid upstream access token (refreshed first when it had expired). */
  readonly accessToken: string;
  readonly tokenType: string;
  /** Seconds since the epoch, when known. */
  readonly expiresAt?: number;
  readonly scope?: string;
  /** The upstream provider's name (`github`, `google`, `entra`, `oidc`). */
  readonly provider: string;
}

/** Refresh this many seconds before the provider's expiry, so a token does not die mid-call. */
const EARLY_SECONDS = 30;

/**
 * The upstream tokens of the grant behind `auth` (a token this proxy
 * issued), refreshed when expired. Concurrent callers share one refresh.
 */
export const createUpstreamAccess = (ctx: ServerContext) => {
  const inflight = new Map<string, Promise<UpstreamTokens>>();

  const fresh = async (grant: GrantRecord): Promise<UpstreamTokens> => {
    const sealer = await ctx.sealer();
    const context = `grant:${grant.grantId}`;
    const tokens = JSON.parse(await sealer.open(grant.upstream, context)) as UpstreamTokens;
    const now = Date.now() / 1000;
    if (tokens.expiresAt === undefined || tokens.expiresAt - EARLY_SECONDS > now) return tokens;
    if (!tokens.refreshToken) throw new UpstreamError('the upstream sign-in expired: sign in again');
    const renewed = await ctx.provider.refresh(tokens.refreshToken);
    // Re-read: the grant may have rotated its refresh token meanwhile; only the upstream part changes.
    const current = await ctx.store.get<GrantRecord>(`grant:${grant.grantId}`);
    if (current) await saveGrant(ctx, { ...current, upstream: await sealer.seal(JSON.stringify(renewed), context) });
    return renewed;
  };

  return async (auth: AuthInfo | undefined): Promise<UpstreamAccess> => {
    const grantId = auth?.claims.gid;
    if (typeof grantId !== 'string') throw new UpstreamError('this request was not signed in through the OAuth proxy');
    const grant = await ctx.store.get<GrantRecord>(`grant:${grantId}`);
    if (!grant) throw new UpstreamError('the sign-in was revoked');
    let pending = inflight.get(grantId);
    if (!pending) {
      pending = fresh(grant).finally(() => inflight.delete(grantId));
      inflight.set(grantId, pending);
    }
    const tokens = await pending;
    return {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      ...(tokens.expiresAt !== undefined ? { expiresAt: tokens.expiresAt } : {}),
      ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
      provider: ctx.provider.name,
    };
  };
};
