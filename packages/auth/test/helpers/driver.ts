/**
 * A plain HTTP "browser" for sign-in flows: follows redirects by hand, keeps
 * cookies per origin, and submits the two forms it meets (the upstream login
 * page and the consent page) the way a user would. It stops at the client's
 * redirect URI without requesting it.
 */

/** What the user does on each page. */
export interface UserChoices {
  /** Upstream user name. Default `alice`. */
  readonly user?: string;
  /** At the upstream login page. Default `login`. */
  readonly upstream?: 'login' | 'cancel';
  /** On the consent page. Default `approve`. */
  readonly consent?: 'approve' | 'deny';
  /** Drop the consent form's CSRF token before posting. */
  readonly dropCsrf?: boolean;
  /** Sees every page with a form, before it is submitted. */
  readonly onPage?: (page: { url: string; html: string; headers: Headers }) => void;
}

/** Where the flow ended: at the client's redirect URI, or on a page that stops it. */
export type DriveResult =
  | { readonly kind: 'redirect'; readonly url: URL; readonly consentShown: boolean }
  | { readonly kind: 'page'; readonly status: number; readonly html: string; readonly url: string };

/** A cookie jar per origin. */
export class CookieJar {
  readonly #jar = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.#jar.get(new URL(url).origin) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const cookies = this.#jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.#jar.set(origin, cookies);
  }
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Follows `start` until the client's redirect URI (`stopAt` origin + path) or a page without a known form. */
export const drive = async (
  start: string,
  stopAt: string,
  choices: UserChoices = {},
  jar = new CookieJar(),
): Promise<DriveResult> => {
  let url = start;
  let init: RequestInit = {};
  let consentShown = false;
  for (let hops = 0; hops < 30; hops++) {
    if (url.startsWith(stopAt)) return { kind: 'redirect', url: new URL(url), consentShown };
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      init = {};
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*method="post"[^>]*>/i.exec(html)?.[0];
    if (!form || response.status !== 200) return { kind: 'page', status: response.status, html, url };
    choices.onPage?.({ url, html, headers: response.headers });
    const action = new URL(unescapeHtml(attr(form, 'action') ?? url), url).href;
    const fields = new URLSearchParams();
    for (const input of html.match(/<input[^>]*type="hidden"[^>]*>/gi) ?? []) {
      fields.set(attr(input, 'name') ?? '', unescapeHtml(attr(input, 'value') ?? ''));
    }
    if (html.includes('name="login"')) {
      fields.set('login', choices.user ?? 'alice');
      fields.set('action', choices.upstream ?? 'login');
    } else if (fields.has('csrf')) {
      consentShown = true;
      if (choices.dropCsrf) fields.delete('csrf');
      fields.set('decision', choices.consent ?? 'approve');
    } else {
      return { kind: 'page', status: response.status, html, url };
    }
    url = action;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(action).origin },
      body: fields.toString(),
    };
  }
  throw new Error('too many redirects');
};
