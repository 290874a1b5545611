import type { Server } from '@mcpkit/core';
import { createResourceServer, protect } from '../auth/resource-server.js';
import {
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_JSON_VALUES,
  DEFAULT_MAX_SESSIONS,
} from '../http/options.js';
import { createRouter, type Router } from '../http/router.js';
import { assertHubFor } from '../session/assert-hub.js';
import { createSessionHub } from '../session/hub.js';
import { limitOptionsOf } from '../session/session-limits.js';
import type { EndpointState } from './endpoint.js';
import { handleDelete } from './mcp-delete.js';
import { handleGet } from './mcp-get.js';
import { handlePost } from './mcp-post.js';
import {
  DEFAULT_MAX_SESSIONS_PER_IDENTITY,
  DEFAULT_MAX_STREAM_MS,
  DEFAULT_SESSION_STORE_TIMEOUT_MS,
  DEFAULT_SESSION_TTL_MS,
  type HttpOptions,
} from './options.js';
import { serverHeaderParams } from './server-header-params.js';
import { createSessionTable } from './session-table.js';
import { createSharedSessions, type SharedSessions } from './shared-sessions.js';
import { openStatefulSession } from './stateful-session.js';

/** A Streamable HTTP transport bound to one server, before any framework adapter. */
export interface HttpApp {
  readonly router: Router;
  /** Ends every session (and so every open stream), answering open listen streams first. */
  readonly close: () => void;
}

/** Builds the Streamable HTTP transport: the MCP endpoint inside the shared router. */
export const createHttpApp = (server: Server, options: HttpOptions = {}): HttpApp => {
  const hub = options.hub ?? createSessionHub(server, limitOptionsOf(options));
  assertHubFor(hub, server, 'The hub given to the HTTP transport');
  const ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  let shared: SharedSessions | undefined;
  const table = createSessionTable(
    ttlMs,
    maxSessions,
    options.maxSessionsPerIdentity ?? DEFAULT_MAX_SESSIONS_PER_IDENTITY,
    {
      evicted: (entry) => shared?.evicted(entry),
      kept: (entry) => shared?.kept(entry),
    },
  );
  if (options.sessionStore && !options.stateless) {
    shared = createSharedSessions({
      store: options.sessionStore,
      ttlMs,
      maxSessions,
      timeoutMs: options.sessionStoreTimeoutMs ?? DEFAULT_SESSION_STORE_TIMEOUT_MS,
      local: table.peek,
      adopt: (id, owner) => openStatefulSession(endpoint, owner, id),
    });
  }
  const endpoint: EndpointState = {
    server,
    hub,
    table,
    store: options.eventStore,
    json: options.json ?? false,
    stateless: options.stateless ?? false,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxJsonValues: options.maxJsonValues ?? DEFAULT_MAX_JSON_VALUES,
    keepAliveMs: options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
    headerParams: serverHeaderParams(server),
    listens: new Set(),
    contextHeaders: new Set(options.contextHeaders?.map((name) => name.toLowerCase())),
    maxStreamMs: options.maxStreamMs ?? DEFAULT_MAX_STREAM_MS,
    shared,
  };
  const path = options.path ?? '/mcp';
  // Every MCP request is authenticated (when `auth` is set); the metadata stays public.
  const resourceServer = createResourceServer(options, path);
  const router = createRouter(
    options,
    {
      ...resourceServer?.endpoints,
      [path]: {
        POST: protect(resourceServer, (request, auth) => handlePost(endpoint, request, auth)),
        GET: protect(resourceServer, (request, auth) => handleGet(endpoint, request, auth)),
        DELETE: protect(resourceServer, (request, auth) => handleDelete(endpoint, request, auth)),
      },
    },
    table.size,
  );
  return {
    router,
    close: () => {
      endpoint.headerParams.stop();
      // Listen streams are answered before the connections go.
      for (const end of [...endpoint.listens]) end();
      table.closeAll();
      shared?.close().catch(() => {});
    },
  };
};
