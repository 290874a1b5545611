const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:']);

/**
 * Whether `value` may be registered as a redirect URI: absolute, no
 * fragment; https, http only on a loopback host (RFC 8252 §7.3), or an app's
 * private-use scheme (§7.1).
 */
export const isRedirectUri = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.length > 2000 || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.hash || value.includes('#') || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:') return LOOPBACK.has(url.hostname);
  return !FORBIDDEN_SCHEMES.has(url.protocol) && /^[a-z][a-z0-9+.-]*:$/.test(url.protocol);
};

/**
 * Whether `given` is one of `registered`: compared as exact strings, except
 * that a loopback http redirect may use any port (RFC 8252 §7.3: native apps
 * listen on an ephemeral port).
 */
export const matchRedirectUri = (registered: readonly string[], given: string): boolean => {
  if (registered.includes(given)) return true;
  if (!given.startsWith('http://') || !URL.canParse(given)) return false;
  const url = new URL(given);
  if (!LOOPBACK.has(url.hostname)) return false;
  const withoutPort = (u: URL) => `${u.protocol}//${u.hostname}${u.pathname}${u.search}`;
  const target = withoutPort(url);
  // The string must be what the URL parser keeps, so encodings or case cannot differ.
  if (url.href !== given) return false;
  return registered.some((r) => r.startsWith('http://') && URL.canParse(r) && withoutPort(new URL(r)) === target);
};
