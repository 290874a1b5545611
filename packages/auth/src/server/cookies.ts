/**
 * The name of the cookie binding one sign-in to the browser that started it:
 * one per sign-in, so two sign-ins in one browser do not overwrite each other.
 */
export const signInCookieName = (signInId: string): string => `mcpkit_signin_${signInId.slice(0, 12)}`;

/** A `Set-Cookie` value for a sign-in cookie (HttpOnly, SameSite=Lax so the provider's redirect back carries it); Max-Age 0 clears it. */
export const signInCookie = (
  name: string,
  value: string,
  maxAgeSeconds: number,
  secure: boolean,
  path: string,
): string =>
  `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** A cookie's value from a request's `Cookie` header. */
export const cookieOf = (request: Request, name: string): string | undefined => {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
};
