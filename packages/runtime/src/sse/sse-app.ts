import { type AuthInfo, ErrorCode, encodeMessage, type Server } from '@mcpkit/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { foreignSession, identityOf } from '../auth/identity.js';
import { createResourceServer, protect } from '../auth/resource-server.js';
import { accepts, isJsonContentType } from '../http/accepts.js';
import type { HttpReply, HttpRequest } from '../http/exchange.js';
import { DEFAULT_KEEP_ALIVE_MS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_SESSIONS } from '../http/options.js';
import { readMessage } from '../http/read-message.js';
import { HttpRequestView } from '../http/request-info.js';
import { emptyResponse, rpcErrorResponse, tooManySessions } from '../http/responses.js';
import { createRouter, type Router } from '../http/router.js';
import { openSse } from '../http/sse-stream.js';
import { assertHubFor } from '../session/assert-hub.js';
import { createSessionHub } from '../session/hub.js';
import { limitOptionsOf } from '../session/session-limits.js';
import type { Send, Session } from '../session/types.js';
import type { SseOptions } from './options.js';

/** The legacy transport bound to one server, before any framework adapter. */
export interface SseApp {
  readonly router: Router;
  /** Ends every session and its stream. */
  readonly close: () => void;
}

interface SseSession {
  readonly session: Session;
  readonly send: Send;
  /** The identity that opened the stream; only it may POST to the session. */
  readonly owner: string | undefined;
}

/**
 * Builds the legacy HTTP+SSE transport: GET `/sse` opens a session whose
 * stream first names, in an `endpoint` event, where to POST; every response
 * and server message then goes down that stream. The stream closing ends the
 * session.
 */
export const createSseApp = (server: Server, options: SseOptions = {}): SseApp => {
  const hub = options.hub ?? createSessionHub(server, limitOptionsOf(options));
  assertHubFor(hub, server, 'The hub given to the SSE transport');
  const ssePath = options.ssePath ?? '/sse';
  const messagePath = options.messagePath ?? '/messages';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  const sessions = new Map<string, SseSession>();
  const contextHeaders = new Set(options.contextHeaders?.map((name) => name.toLowerCase()));

  const open = (auth: AuthInfo | undefined): HttpReply => {
    if (sessions.size >= maxSessions) {
      return tooManySessions();
    }
    const id = crypto.randomUUID();
    const conn = openSse({ onGone: () => session.close(), keepAliveMs });
    const session = hub.createSession({
      id,
      onClose: () => {
        sessions.delete(id);
        conn.close();
      },
    });
    const send: Send = (message) => {
      if (!conn.write({ event: 'message', data: encodeMessage(message) })) {
        throw new Error('The client closed the SSE stream');
      }
    };
    session.setChannel(send);
    sessions.set(id, { session, send, owner: identityOf(auth) });
    conn.write({ event: 'endpoint', data: `${messagePath}?sessionId=${encodeURIComponent(id)}` });
    return conn.response;
  };

  const post = async (request: HttpRequest, auth: AuthInfo | undefined): Promise<HttpReply> => {
    if (!isJsonContentType(request.header('content-type'))) {
      return rpcErrorResponse(
        415,
        ErrorCode.InvalidRequest,
        'Unsupported Media Type: the body must be application/json',
      );
    }
    const id = request.query('sessionId');
    if (!id)
      return rpcErrorResponse(400, ErrorCode.InvalidRequest, 'Bad Request: the sessionId query parameter is required');
    const target = sessions.get(id);
    if (!target) return rpcErrorResponse(404, ErrorCode.InvalidRequest, 'Session not found: it ended or never existed');
    if (target.owner !== identityOf(auth)) return foreignSession();
    const read = await readMessage(request, maxBodyBytes, options.maxJsonValues);
    if (!read.ok) return read.response;
    // Answered on the stream, not in this response.
    void target.session
      .receive(read.message, undefined, { auth, http: new HttpRequestView(request, contextHeaders) })
      .then((response) => {
        if (!response) return;
        try {
          target.send(response as JSONRPCMessage);
        } catch {
          // The stream is gone, and with it the session.
        }
      });
    return emptyResponse(202);
  };

  // Both the stream and every POST are authenticated (when `auth` is set); the resource is the SSE endpoint.
  const resourceServer = createResourceServer(options, ssePath);
  const router = createRouter(
    options,
    {
      ...resourceServer?.endpoints,
      [ssePath]: {
        GET: protect(resourceServer, (request, auth) =>
          accepts(request.header('accept'), 'text/event-stream')
            ? open(auth)
            : rpcErrorResponse(
                406,
                ErrorCode.InvalidRequest,
                'Not Acceptable: the Accept header must admit text/event-stream',
              ),
        ),
      },
      [messagePath]: { POST: protect(resourceServer, post) },
    },
    () => sessions.size,
  );

  return {
    router,
    close: () => {
      for (const { session } of [...sessions.values()]) session.close();
    },
  };
};
