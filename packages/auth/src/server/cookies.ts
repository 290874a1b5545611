/** The cookie binding a sign-in to the browser that started it. */
export const SIGN_IN_COOKIE = 'mcpkit_signin';

/** A `Set-Cookie` value for the sign-in cookie (HttpOnly, SameSite=Lax so the provider's redirect back carries it). */
export const signInCookie = (value: string, maxAgeSeconds: number, secure: boolean, path: string): string =>
  `${SIGN_IN_COOKIE}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** A cookie's value from a request's `Cookie` header. */
export const cookieOf = (request: Request, name: string): string | undefined => {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
};
