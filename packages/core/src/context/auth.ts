/**
 * Who made a request, as the transport's authentication established it
 * (a verified bearer token or JWT). `undefined` on unauthenticated transports.
 */
export interface AuthInfo {
  /** The principal: a JWT's `sub`, or whatever your verifier returns. */
  readonly subject: string | undefined;
  /** Granted scopes (a JWT's `scope`/`scp`). */
  readonly scopes: readonly string[];
  /** Every claim of the token, or extra facts your verifier returns. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** The OAuth client the token was issued to, when known. */
  readonly clientId?: string;
  /** When the token expires, in seconds since the epoch, when known. */
  readonly expiresAt?: number;
}

/** Who may see and use a component: required scopes, a predicate, or both. */
export interface AccessRule {
  /** Every one of these scopes is needed. */
  readonly requires?: { readonly scopes: readonly string[] };
  /** Decides from the caller's auth; `auth` is undefined for unauthenticated requests. */
  readonly canAccess?: (auth: AuthInfo | undefined) => boolean;
}

/** Folds an access rule into one predicate, or undefined when the component is open to all. */
export const accessCheck = (rule: AccessRule): ((auth: AuthInfo | undefined) => boolean) | undefined => {
  const { requires, canAccess } = rule;
  if (!requires?.scopes?.length && !canAccess) return undefined;
  const scopes = requires?.scopes ?? [];
  return (auth) => {
    if (scopes.length && !(auth && scopes.every((scope) => auth.scopes.includes(scope)))) return false;
    return canAccess ? canAccess(auth) : true;
  };
};
