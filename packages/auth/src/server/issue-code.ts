import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';
import { cookiePath } from './authorize.js';
import type { ServerContext } from './context.js';
import { signInCookie } from './cookies.js';
import { saveGrant } from './grants.js';
import type { CodeRecord, PendingConsent } from './records.js';
import { redirect, withParams } from './responses.js';

/**
 * Creates the grant and its one-time authorization code, and sends the
 * browser back to the client with it. The grant lives only as long as the
 * code until the code is redeemed.
 */
export const issueCode = async (ctx: ServerContext, consent: PendingConsent, status = 302): Promise<Response> => {
  const codeLifetimeMs = ctx.lifetimes.code * 1000;
  await saveGrant(ctx, {
    grantId: consent.grantId,
    subject: consent.user.subject,
    user: consent.user,
    clientId: consent.clientId,
    scopes: consent.scopes,
    resource: consent.resource,
    upstream: consent.upstream,
    expiresAt: Date.now() + codeLifetimeMs,
  });
  const code = randomToken(32);
  const record: CodeRecord = {
    grantId: consent.grantId,
    clientId: consent.clientId,
    redirectUri: consent.redirectUri,
    codeChallenge: consent.codeChallenge,
    resource: consent.resource,
  };
  await ctx.store.set(`code:${await sha256(code)}`, record, { ttlMs: codeLifetimeMs });
  // The sign-in is over: its cookie goes.
  const clear = signInCookie(consent.cookieName, '', 0, ctx.secureCookies, cookiePath(ctx));
  return redirect(withParams(consent.redirectUri, { code, state: consent.state, iss: ctx.issuer }), [clear], status);
};
