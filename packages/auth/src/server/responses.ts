/** An OAuth error answer (RFC 6749 §5.2): JSON, never cached. */
export const oauthError = (status: number, error: string, description?: string, headers?: HeadersInit): Response =>
  Response.json(
    { error, ...(description ? { error_description: description } : {}) },
    { status, headers: { 'cache-control': 'no-store', pragma: 'no-cache', ...headers } },
  );

/** A JSON answer that must not be cached (tokens, registrations). */
export const noStoreJson = (body: unknown, status = 200): Response =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });

/** A redirect (303 after a POST, 302 otherwise) that sets `cookies`. */
export const redirect = (location: string, cookies: readonly string[] = [], status = 302): Response => {
  const headers = new Headers({ location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status, headers });
};

/** `uri` with the authorization response's parameters added (the `iss` of RFC 9207 included). */
export const withParams = (uri: string, params: Readonly<Record<string, string | undefined>>): string => {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
};
