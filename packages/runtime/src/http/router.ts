import { ErrorCode } from '@mcpkit/core';
import { createCors } from './cors.js';
import type { HttpReply, HttpRequest, Reply } from './exchange.js';
import { createGuard } from './guard.js';
import type { CommonHttpOptions } from './options.js';
import { jsonResponse, rpcErrorResponse } from './responses.js';

/** Serves one method of one path. */
export type MethodHandler = (request: HttpRequest) => Reply | Promise<Reply>;

/** The transport's own paths and the methods each accepts. */
export type Endpoints = Readonly<Record<string, Readonly<Record<string, MethodHandler>>>>;

/** Answers a request, or undefined when no route matches (a framework may then try its next handler). */
export type Router = (request: HttpRequest) => Promise<Reply | undefined>;

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

  const route = (request: HttpRequest): Reply | Promise<Reply> | undefined => {
    const { method, path } = request;
    if (routes.size > 0) {
      const custom = routes.get(`${method} ${path}`);
      if (custom) return custom(request.toWeb());
    }
    if (healthPath && path === healthPath && method === 'GET') {
      return jsonResponse({ status: 'ok', sessions: sessions() });
    }
    const methods = endpoints[path];
    if (!methods) return knownPaths.has(path) ? methodNotAllowed(method, path) : undefined;
    const handler = methods[method];
    if (!handler) return methodNotAllowed(method, path);
    return handler(request);
  };

  const allowedMethods = (path: string): string[] => {
    const own = Object.keys(endpoints[path] ?? {});
    const custom = [...routes.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0] ?? '');
    return [...new Set([...own, ...custom, ...(path === healthPath ? ['GET'] : [])])];
  };

  const methodNotAllowed = (method: string, path: string): HttpReply =>
    rpcErrorResponse(405, ErrorCode.InvalidRequest, `Method Not Allowed: ${method} ${path}`, {
      headers: { Allow: allowedMethods(path).join(', ') },
    });

  return async (request) => {
    const denied = guard(request);
    if (denied) return denied;
    if (cors && request.method === 'OPTIONS' && knownPaths.has(request.path)) {
      return cors.preflight(request, [...allowedMethods(request.path), 'OPTIONS'].join(', '));
    }
    let reply: Reply | undefined;
    try {
      reply = await route(request);
    } catch {
      // Details stay on the server: they may name internals.
      reply = rpcErrorResponse(500, ErrorCode.InternalError, 'Internal server error');
    }
    return reply && cors ? cors.decorate(request, reply) : reply;
  };
};
