import { sha256 } from '../crypto/digest.js';
import { verifiesChallenge } from '../crypto/pkce.js';
import type { ClientRecord } from './client-record.js';
import { readClientRequest } from './client-request.js';
import type { ServerContext } from './context.js';
import { issueTokens, revokeGrant } from './grants.js';
import type { CodeRecord, GrantRecord } from './records.js';
import { noStoreJson, oauthError } from './responses.js';

const sameResource = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
const invalidGrant = (description: string) => oauthError(400, 'invalid_grant', description);

/** `grant_type=authorization_code`: once per code, with the PKCE verifier; a second use revokes the grant. */
const redeemCode = async (ctx: ServerContext, client: ClientRecord, form: ReadonlyMap<string, string>) => {
  const code = form.get('code');
  if (!code || code.length > 200) return invalidGrant('code is missing');
  const key = await sha256(code);
  const record = await ctx.store.take<CodeRecord>(`code:${key}`);
  if (!record) {
    // A code presented twice was likely stolen: revoke what the first use got (RFC 6749 §4.1.2).
    const used = await ctx.store.get<{ grantId: string }>(`used:${key}`);
    if (used) await revokeGrant(ctx, used.grantId);
    return invalidGrant('the code is invalid, expired or already used');
  }
  await ctx.store.set(`used:${key}`, { grantId: record.grantId }, { ttlMs: ctx.lifetimes.usedCode * 1000 });
  const refuse = async (description: string) => {
    await revokeGrant(ctx, record.grantId);
    return invalidGrant(description);
  };
  if (record.clientId !== client.clientId) return refuse('the code was issued to another client');
  if (form.get('redirect_uri') !== record.redirectUri)
    return refuse('redirect_uri differs from the authorization request');
  if (!(await verifiesChallenge(form.get('code_verifier'), record.codeChallenge))) {
    return refuse('code_verifier does not match the code_challenge');
  }
  const resource = form.get('resource');
  if (resource !== undefined && !sameResource(resource, record.resource)) {
    await revokeGrant(ctx, record.grantId);
    return oauthError(400, 'invalid_target', 'the code was issued for another resource');
  }
  const grant = await ctx.store.get<GrantRecord>(`grant:${record.grantId}`);
  if (!grant) return invalidGrant('the authorization was revoked');
  return noStoreJson(await issueTokens(ctx, { ...grant, expiresAt: Date.now() + ctx.lifetimes.refreshToken * 1000 }));
};

/** `grant_type=refresh_token`: rotation; a rotated-out token presented again revokes the grant. */
const refresh = async (ctx: ServerContext, client: ClientRecord, form: ReadonlyMap<string, string>) => {
  const token = form.get('refresh_token');
  if (!token || token.length > 200) return invalidGrant('refresh_token is missing');
  const key = await sha256(token);
  const reused = async () => {
    const rotated = await ctx.store.get<{ grantId: string }>(`rotated:${key}`);
    if (rotated) await revokeGrant(ctx, rotated.grantId);
    return invalidGrant('the refresh token is invalid, expired or already used');
  };
  const record = await ctx.store.get<{ grantId: string }>(`refresh:${key}`);
  if (!record) return reused();
  const grant = await ctx.store.get<GrantRecord>(`grant:${record.grantId}`);
  if (!grant || grant.refresh !== key) return invalidGrant('the authorization was revoked');
  if (grant.clientId !== client.clientId) return invalidGrant('the refresh token was issued to another client');
  const resource = form.get('resource');
  if (resource !== undefined && !sameResource(resource, grant.resource)) {
    return oauthError(400, 'invalid_target', 'the grant is for another resource');
  }
  const asked = form.get('scope')?.split(' ').filter(Boolean);
  if (asked?.some((s) => !grant.scopes.includes(s))) {
    return oauthError(400, 'invalid_scope', 'a refresh cannot widen the scopes');
  }
  // Of concurrent refreshes with one token, only one rotates it; the others count as reuse.
  await ctx.store.set(
    `rotated:${key}`,
    { grantId: grant.grantId },
    { ttlMs: Math.max(1, grant.expiresAt - Date.now()) },
  );
  if (!(await ctx.store.take(`refresh:${key}`))) return reused();
  return noStoreJson(await issueTokens(ctx, asked?.length ? { ...grant, scopes: asked } : grant));
};

/** `POST /token`: authorization_code (PKCE S256) and refresh_token grants. */
export const token =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const read = await readClientRequest(ctx, request, { 'www-authenticate': 'Basic' });
    if (read instanceof Response) return read;
    const { form, client } = read;
    switch (form.get('grant_type')) {
      case 'authorization_code':
        return redeemCode(ctx, client, form);
      case 'refresh_token':
        return refresh(ctx, client, form);
      default:
        return oauthError(400, 'unsupported_grant_type', 'authorization_code and refresh_token are supported');
    }
  };
