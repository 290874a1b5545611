import { sha256 } from '../crypto/digest.js';
import { randomToken } from '../crypto/random.js';
import { errorPage } from '../html/page.js';
import { type ClientError, resolveClient } from './clients.js';
import type { ServerContext } from './context.js';
import { signInCookie, signInCookieName } from './cookies.js';
import type { SignInRecord } from './records.js';
import { matchRedirectUri } from './redirect-uri.js';
import { redirect, withParams } from './responses.js';

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The resource a client names, compared without a trailing slash. */
const sameResource = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * `GET /authorize`: checks the client and its redirect URI (errors there are
 * shown, never redirected), then PKCE, scopes and resource (errors go back to
 * the client), and sends the browser to the upstream provider.
 */
export const authorize =
  (ctx: ServerContext) =>
  async (request: Request): Promise<Response> => {
    const query = new URL(request.url).searchParams;
    for (const name of ['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'scope', 'resource']) {
      if (query.getAll(name).length > 1) return errorPage(400, `The parameter ${name} was given more than once.`);
    }
    const clientId = query.get('client_id');
    if (!clientId) return errorPage(400, 'The request names no client (client_id is missing).');
    let client: Awaited<ReturnType<typeof resolveClient>>;
    try {
      client = await resolveClient(ctx, clientId);
    } catch (error) {
      return errorPage(400, `This application is not recognized: ${(error as ClientError).message}.`);
    }
    const given = query.get('redirect_uri');
    const redirectUri = given ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
    if (!redirectUri || !matchRedirectUri(client.redirectUris, redirectUri)) {
      return errorPage(400, 'The redirect URI is not registered for this application.');
    }
    const state = query.get('state') ?? undefined;
    const fail = (error: string, description: string) =>
      redirect(withParams(redirectUri, { error, error_description: description, state, iss: ctx.issuer }));

    if (query.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'only response_type=code is supported');
    const codeChallenge = query.get('code_challenge');
    if (query.get('code_challenge_method') !== 'S256' || !codeChallenge || !CHALLENGE.test(codeChallenge)) {
      return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    }
    const resource = query.get('resource') ?? ctx.resource;
    if (!sameResource(resource, ctx.resource))
      return fail('invalid_target', 'this server issues tokens only for its own resource');
    // Scopes this server does not know (`openid`, `offline_access`, ...) are ignored, as RFC 6749 §3.3
    // allows, rather than failing clients that ask for them; the token response says what was granted.
    const asked = (query.get('scope') ?? '').split(' ').filter((s) => ctx.scopesSupported.includes(s));
    const scopes = asked.length ? [...new Set(asked)] : [...ctx.defaultScopes];

    const id = randomToken();
    const browser = randomToken();
    const upstreamVerifier = randomToken(32);
    const nonce = randomToken(16);
    let location: string;
    try {
      location = await ctx.provider.authorizationUrl({
        redirectUri: ctx.urls.callback,
        state: id,
        codeChallenge: await sha256(upstreamVerifier),
        nonce,
      });
    } catch (error) {
      ctx.onError(error);
      return fail('temporarily_unavailable', 'the identity provider cannot be reached');
    }
    const record: SignInRecord = {
      clientId,
      ...(client.clientName ? { clientName: client.clientName } : {}),
      ...(client.metadataUrl ? { metadataUrl: client.metadataUrl } : {}),
      redirectUri,
      ...(state !== undefined ? { state } : {}),
      codeChallenge,
      scopes,
      resource: ctx.resource,
      browser: await sha256(browser),
      upstreamVerifier,
      nonce,
    };
    await ctx.store.set(`txn:${id}`, record, { ttlMs: ctx.lifetimes.signIn * 1000 });
    return redirect(location, [
      signInCookie(signInCookieName(id), browser, ctx.lifetimes.signIn, ctx.secureCookies, cookiePath(ctx)),
    ]);
  };

/** The path the sign-in cookie is scoped to: the issuer's. */
export const cookiePath = (ctx: ServerContext): string => new URL(ctx.issuer).pathname.replace(/\/+$/, '') || '/';
