import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';
import { errorPage } from '../html/page.js';
import type { ServerContext } from './context.js';
import { cookieOf, signInCookieName } from './cookies.js';
import { issueCode } from './issue-code.js';
import type { PendingConsent, SignInRecord } from './records.js';
import { redirect, withParams } from './responses.js';

/** Scopes a user already approved for a client (`consent:<subject>:<client>`). */
export const rememberedKey = (subject: string, clientId: string) => `consent:${subject}:${clientId}`;

/**
 * `GET /oauth/callback`: the provider sends the browser back. The `state`
 * must name a pending sign-in started by this same browser (its cookie); the
 * code is exchanged, the user resolved, the upstream tokens sealed; then the
 * consent page, or straight back to the client when this user already
 * approved these scopes for it.
 */
export const callback =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const query = new URL(request.url).searchParams;
    const state = query.get('state');
    const txn = state && state.length <= 100 ? await ctx.store.take<SignInRecord>(`txn:${state}`) : undefined;
    const cookieName = signInCookieName(state ?? '');
    const cookie = cookieOf(request, cookieName);
    if (!txn || !cookie || (await sha256(cookie)) !== txn.browser) {
      return errorPage(
        400,
        'This sign-in is unknown, expired, or was started in another browser. Start again from your application.',
      );
    }
    const back = (error: string, description: string) =>
      redirect(
        withParams(txn.redirectUri, { error, error_description: description, state: txn.state, iss: ctx.issuer }),
      );
    const upstreamError = query.get('error');
    if (upstreamError !== null) {
      return upstreamError === 'access_denied'
        ? back('access_denied', 'the sign-in was cancelled at the identity provider')
        : back('server_error', 'the identity provider could not sign you in');
    }
    const code = query.get('code');
    if (!code) return back('server_error', 'the identity provider sent no code');
    let signIn: Awaited<ReturnType<typeof ctx.provider.exchange>>;
    try {
      signIn = await ctx.provider.exchange({
        code,
        redirectUri: ctx.urls.callback,
        codeVerifier: txn.upstreamVerifier,
        nonce: txn.nonce,
      });
    } catch (error) {
      ctx.onError(error);
      return back('server_error', 'the sign-in at the identity provider could not be completed');
    }
    const grantId = randomToken(16);
    const sealer = await ctx.sealer();
    const { user, tokens } = signIn;
    const consent: PendingConsent = {
      clientId: txn.clientId,
      ...(txn.clientName ? { clientName: txn.clientName } : {}),
      ...(txn.metadataUrl ? { metadataUrl: txn.metadataUrl } : {}),
      redirectUri: txn.redirectUri,
      ...(txn.state !== undefined ? { state: txn.state } : {}),
      codeChallenge: txn.codeChallenge,
      scopes: txn.scopes,
      resource: txn.resource,
      browser: txn.browser,
      cookieName,
      csrf: randomToken(),
      grantId,
      user: {
        subject: user.subject,
        ...(user.name ? { name: user.name } : {}),
        ...(user.email ? { email: user.email } : {}),
      },
      upstream: await sealer.seal(JSON.stringify(tokens), `grant:${grantId}`),
    };
    const remembered = await ctx.store.get<string[]>(rememberedKey(user.subject, txn.clientId));
    if (remembered && txn.scopes.every((s) => remembered.includes(s))) return issueCode(ctx, consent);
    const id = randomToken();
    await ctx.store.set(`pending:${id}`, consent, { ttlMs: ctx.lifetimes.signIn * 1000 });
    return redirect(`${ctx.urls.consent}?request=${id}`);
  };
