import { type OidcOptions, oidc } from './oidc.js';
import type { UpstreamProvider } from './types.js';

/** Options of {@link entra}: an app registration in Microsoft Entra ID. */
export interface EntraOptions extends Pick<OidcOptions, 'clientId' | 'clientSecret' | 'scopes' | 'timeoutMs'> {
  /** Directory (tenant) id or domain; or `organizations` / `common` for multi-tenant apps. Default `organizations`. */
  readonly tenant?: string;
  /** Tenants accepted for multi-tenant apps (their `tid`). Default any. */
  readonly allowedTenants?: readonly string[];
}

const MULTI = new Set(['common', 'organizations', 'consumers']);

/**
 * Microsoft Entra ID sign-in (OpenID Connect, v2.0 endpoints). For the
 * multi-tenant `common`/`organizations`, the ID token's issuer is checked
 * against its own `tid` (and `allowedTenants`). Callback URL to register
 * (platform "Web"): `<baseUrl>/oauth/callback`.
 */
export const entra = (options: EntraOptions): UpstreamProvider => {
  const tenant = options.tenant ?? 'organizations';
  const multi = MULTI.has(tenant);
  const { allowedTenants, ...rest } = options;
  return oidc({
    ...rest,
    name: 'entra',
    issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
    scopes: options.scopes ?? ['openid', 'profile', 'email', 'offline_access'],
    ...(multi
      ? {
          acceptIssuer: (iss: string, claims: Readonly<Record<string, unknown>>) => {
            const tid = typeof claims.tid === 'string' ? claims.tid : '';
            if (allowedTenants && !allowedTenants.includes(tid)) return false;
            return iss === `https://login.microsoftonline.com/${tid}/v2.0`;
          },
        }
      : {}),
  });
};
