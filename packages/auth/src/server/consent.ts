import { sha256 } from '../crypto/digest.js';
import { consentPage } from '../html/consent-page.js';
import { errorPage } from '../html/page.js';
import { cookiePath } from './authorize.js';
import { rememberedKey } from './callback.js';
import type { ServerContext } from './context.js';
import { cookieOf, signInCookie } from './cookies.js';
import { issueCode } from './issue-code.js';
import { type BodyError, readForm } from './read-form.js';
import type { PendingConsent } from './records.js';
import { redirect, withParams } from './responses.js';

const EXPIRED = 'This approval request is unknown or expired. Start again from your application.';

/** The pending consent `id` names, if this browser (its sign-in cookie) started it. */
const pendingFor = async (ctx: ServerContext, request: Request, id: string | null | undefined) => {
  if (!id || id.length > 100) return undefined;
  const pending = await ctx.store.get<PendingConsent>(`pending:${id}`);
  const cookie = pending ? cookieOf(request, pending.cookieName) : undefined;
  if (!pending || !cookie || (await sha256(cookie)) !== pending.browser) return undefined;
  return pending;
};

/** The CSP source of a redirect URI: its origin (http/https), or its scheme (an app's). */
const formTarget = (uri: string): string => {
  const url = new URL(uri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
};

/** `GET /oauth/consent?request=…`: the consent page. */
export const showConsent =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const id = new URL(request.url).searchParams.get('request');
    const pending = await pendingFor(ctx, request, id);
    if (!pending || !id) return errorPage(400, EXPIRED);
    return consentPage({
      action: ctx.urls.consent,
      requestId: id,
      csrf: pending.csrf,
      clientName: pending.clientName,
      clientId: pending.clientId,
      metadataUrl: pending.metadataUrl,
      redirectHost: new URL(pending.redirectUri).host || pending.redirectUri,
      redirectTarget: formTarget(pending.redirectUri),
      scopes: pending.scopes,
      user: pending.user.email ?? pending.user.name,
      resourceName: ctx.resourceName,
    });
  };

/**
 * `POST /oauth/consent`: the user's decision. Needs the form's CSRF token,
 * the sign-in cookie of the browser that signed in, and (when the browser
 * sends one) our own Origin. An approval is remembered for this user and client.
 */
export const decideConsent =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== new URL(ctx.issuer).origin) return errorPage(403, 'Cross-site request refused.');
    let form: Map<string, string>;
    try {
      form = await readForm(request, ctx.maxRequestBytes);
    } catch (error) {
      return errorPage(400, (error as BodyError).message);
    }
    const id = form.get('request');
    const pending = await pendingFor(ctx, request, id);
    if (!pending) return errorPage(400, EXPIRED);
    const csrf = form.get('csrf');
    if (!csrf || csrf !== pending.csrf)
      return errorPage(403, 'The form is missing its security token. Reload the page and try again.');
    // Only one decision per request, even when the form is posted twice.
    const taken = await ctx.store.take<PendingConsent>(`pending:${id}`);
    if (!taken) return errorPage(400, EXPIRED);
    if (form.get('decision') !== 'approve') {
      return redirect(
        withParams(pending.redirectUri, {
          error: 'access_denied',
          error_description: 'the user denied access',
          state: pending.state,
          iss: ctx.issuer,
        }),
        [signInCookie(pending.cookieName, '', 0, ctx.secureCookies, cookiePath(ctx))],
        303,
      );
    }
    if (ctx.lifetimes.consent > 0) {
      const key = rememberedKey(pending.user.subject, pending.clientId);
      const before = (await ctx.store.get<string[]>(key)) ?? [];
      await ctx.store.set(key, [...new Set([...before, ...pending.scopes])], { ttlMs: ctx.lifetimes.consent * 1000 });
    }
    return issueCode(ctx, pending, 303);
  };
