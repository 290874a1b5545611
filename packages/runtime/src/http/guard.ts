import { ErrorCode } from '@mcpkit/core';
import type { HttpReply, HttpRequest } from './exchange.js';
import { type CommonHttpOptions, isLoopbackHost } from './options.js';
import { rpcErrorResponse } from './responses.js';

/** Splits `Host` into its hostname (brackets kept for IPv6) and the whole value. */
const hostnameOf = (host: string): string => {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? h;
};

const originHostname = (origin: string): string | undefined => {
  try {
    return new URL(origin).hostname;
  } catch {
    return undefined;
  }
};

/**
 * DNS-rebinding protection: a page on evil.example whose name now resolves to
 * 127.0.0.1 still sends `Host: evil.example` and its own `Origin`, so both are
 * checked. Returns a 403 response, or undefined when the request may pass.
 */
export const createGuard = (
  options: CommonHttpOptions,
  defaultOn = false,
): ((request: HttpRequest) => HttpReply | undefined) => {
  const enabled =
    options.dnsRebindingProtection ??
    (defaultOn || options.allowedHosts !== undefined || options.allowedOrigins !== undefined);
  if (!enabled) return () => undefined;
  const hosts = options.allowedHosts?.map((h) => h.toLowerCase());
  const origins = options.allowedOrigins?.map((o) => o.toLowerCase().replace(/\/$/, ''));

  const hostAllowed = (host: string | null): boolean => {
    if (!host) return false;
    const name = hostnameOf(host);
    if (!hosts) return isLoopbackHost(name);
    return hosts.includes(host.toLowerCase()) || hosts.includes(name);
  };
  const originAllowed = (origin: string | null): boolean => {
    // Non-browser clients send no Origin; rebinding attacks come from browsers.
    if (origin === null) return true;
    if (!origins) {
      const name = originHostname(origin);
      return name !== undefined && isLoopbackHost(name);
    }
    return origins.includes(origin.toLowerCase());
  };

  let lastAllowedHost: string | undefined;
  return (request) => {
    const host = request.header('host') ?? new URL(request.url()).host;
    // Clients keep sending the same Host: remember the last one that passed.
    if (host !== lastAllowedHost && !hostAllowed(host)) {
      return rpcErrorResponse(403, ErrorCode.InvalidRequest, `Forbidden: Host ${JSON.stringify(host)} is not allowed`);
    }
    lastAllowedHost = host;
    const origin = request.header('origin');
    if (!originAllowed(origin)) {
      return rpcErrorResponse(
        403,
        ErrorCode.InvalidRequest,
        `Forbidden: Origin ${JSON.stringify(origin)} is not allowed`,
      );
    }
    return undefined;
  };
};
