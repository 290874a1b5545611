import { ErrorCode } from '@mcpkit/core';
import { createCors } from './cors.js';
import type { ParsedBody } from './endpoint.js';
import { createGuard } from './guard.js';
import type { CommonHttpOptions } from './options.js';
import { jsonResponse, rpcErrorResponse } from './responses.js';

/** Serves one method of one path. */
export type MethodHandler = (request: Request, parsed?: ParsedBody) => Response | Promise<Response>;

/** The transport's own paths and the methods each accepts. */
export type Endpoints = Readonly<Record<string, Readonly<Record<string, MethodHandler>>>>;

/** Answers a request, or undefined when no route matches (a framework may then try its next handler). */
export type Router = (request: Request, parsed?: ParsedBody) => Promise<Response | undefined>;

/**
 * The shell every HTTP transport shares: DNS-rebinding guard, CORS, custom
 * routes, `/health`, then the transport's endpoints. Thrown errors become a
 * 500 with a JSON-RPC error body, never a crash.
 */
export const createRouter = (options: CommonHttpOptions, endpoints: Endpoints, sessions: () => number): Router => {
  const guard = createGuard(options);
  // Browser clients must read the auth challenge to find the metadata.
  const cors = createCors(options.cors, options.auth ? ['WWW-Authenticate'] : []);
  const healthPath = options.healthPath ?? '/health';
  const routes = new Map(
    Object.entries(options.routes ?? {}).map(([key, handler]) => {
      const [method = '', path = ''] = key.trim().split(/\s+/);
      return [`${method.toUpperCase()} ${path}`, handler] as const;
    }),
  );
  const knownPaths = new Set([...Object.keys(endpoints), ...[...routes.keys()].map((k) => k.split(' ')[1])]);
  if (healthPath) knownPaths.add(healthPath);

  const route = async (request: Request, path: string, parsed?: ParsedBody): Promise<Response | undefined> => {
    const custom = routes.get(`${request.method} ${path}`);
    if (custom) return custom(request);
    if (healthPath && path === healthPath && request.method === 'GET') {
      return jsonResponse({ status: 'ok', sessions: sessions() });
    }
    const methods = endpoints[path];
    if (!methods) return knownPaths.has(path) ? methodNotAllowed(request, path) : undefined;
    const handler = methods[request.method];
    if (!handler) return methodNotAllowed(request, path);
    return handler(request, parsed);
  };

  const allowedMethods = (path: string): string[] => {
    const own = Object.keys(endpoints[path] ?? {});
    const custom = [...routes.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0] ?? '');
    return [...new Set([...own, ...custom, ...(path === healthPath ? ['GET'] : [])])];
  };

  const methodNotAllowed = (request: Request, path: string): Response =>
    rpcErrorResponse(405, ErrorCode.InvalidRequest, `Method Not Allowed: ${request.method} ${path}`, {
      headers: { Allow: allowedMethods(path).join(', ') },
    });

  return async (request, parsed) => {
    const path = new URL(request.url).pathname;
    const denied = guard(request);
    if (denied) return denied;
    if (cors && request.method === 'OPTIONS' && knownPaths.has(path)) {
      return cors.preflight(request, [...allowedMethods(path), 'OPTIONS'].join(', '));
    }
    let response: Response | undefined;
    try {
      response = await route(request, path, parsed);
    } catch {
      // Details stay on the server: they may name internals.
      response = rpcErrorResponse(500, ErrorCode.InternalError, 'Internal server error');
    }
    return response && cors ? cors.decorate(request, response) : response;
  };
};
