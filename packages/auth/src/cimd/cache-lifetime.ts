/**
 * How long a response may be cached, in seconds, from its `Cache-Control`
 * (`no-store`/`no-cache` → 0, `max-age`) or `Expires`, else `fallback`;
 * capped at `max`.
 */
export const cacheLifetime = (headers: Headers, fallback: number, max: number, now = Date.now()): number => {
  const control = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(^|,)\s*(no-store|no-cache|private)\b/.test(control)) return 0;
  const maxAge = /(^|,)\s*max-age\s*=\s*"?(\d+)"?/.exec(control)?.[2];
  if (maxAge !== undefined) return Math.min(Number(maxAge), max);
  const expires = headers.get('expires');
  if (expires !== null) {
    const at = Date.parse(expires);
    return Number.isNaN(at) ? 0 : Math.max(0, Math.min(Math.floor((at - now) / 1000), max));
  }
  return Math.min(fallback, max);
};
