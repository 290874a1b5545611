import { jwtVerify } from 'jose';
import { sha256 } from '../crypto/digest.js';
import { readClientRequest } from './client-request.js';
import type { ServerContext } from './context.js';
import { revokeGrant } from './grants.js';
import type { GrantRecord } from './records.js';
import { oauthError } from './responses.js';

/** The grant a token belongs to: a refresh token by its record, an access token by its verified `gid`. */
const grantOf = async (ctx: ServerContext, token: string): Promise<string | undefined> => {
  const byRefresh = await ctx.store.get<{ grantId: string }>(`refresh:${await sha256(token)}`);
  if (byRefresh) return byRefresh.grantId;
  try {
    const { payload } = await jwtVerify(token, await ctx.signer.publicKey(), { issuer: ctx.issuer });
    return typeof payload.gid === 'string' ? payload.gid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * `POST /revoke` (RFC 7009): revoking a refresh or access token ends its
 * whole grant. Unknown tokens and other clients' tokens get the same 200.
 */
export const revoke =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const read = await readClientRequest(ctx, request);
    if (read instanceof Response) return read;
    const { form } = read;
    const { clientId } = read.client;
    const token = form.get('token');
    if (!token) return oauthError(400, 'invalid_request', 'token is missing');
    const grantId = token.length <= 4096 ? await grantOf(ctx, token) : undefined;
    if (grantId) {
      const grant = await ctx.store.get<GrantRecord>(`grant:${grantId}`);
      if (grant?.clientId === clientId) await revokeGrant(ctx, grantId);
    }
    return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } });
  };
