import type { HttpReply, HttpRequest, Reply } from './exchange.js';
import type { CorsOptions } from './options.js';

/** What a CORS policy does to one exchange. */
export interface Cors {
  /** Answers an OPTIONS preflight. */
  readonly preflight: (request: HttpRequest, methods: string) => HttpReply;
  /** Adds CORS headers to any other reply (a copy: replies are not changed in place). */
  readonly decorate: (request: HttpRequest, reply: Reply) => Reply;
}

const MCP_REQUEST_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'Mcp-Session-Id',
  'MCP-Protocol-Version',
  'Last-Event-ID',
];
const MCP_EXPOSED_HEADERS = ['Mcp-Session-Id', 'MCP-Protocol-Version'];

/**
 * Builds the CORS policy from the `cors` option; undefined when CORS is off.
 * `exposed` adds response headers the transport needs read (e.g. `WWW-Authenticate` with auth).
 */
export const createCors = (
  option: boolean | CorsOptions | undefined,
  exposed: readonly string[] = [],
): Cors | undefined => {
  if (!option) return undefined;
  const o: CorsOptions = option === true ? {} : option;
  const rule = o.origin ?? '*';
  const allowHeaders = [...MCP_REQUEST_HEADERS, ...(o.allowHeaders ?? [])].join(', ');
  const exposeHeaders = [...MCP_EXPOSED_HEADERS, ...exposed, ...(o.exposeHeaders ?? [])].join(', ');

  // The value of Access-Control-Allow-Origin for this request, if any.
  const allowOrigin = (request: HttpRequest): string | undefined => {
    const origin = request.header('origin');
    // Any origin never gets credentials: reflecting it with them would let every site act as the user.
    if (rule === '*') return '*';
    if (!origin) return undefined;
    if (typeof rule === 'string') return rule === origin ? origin : undefined;
    if (typeof rule === 'function') return rule(origin) ? origin : undefined;
    return rule.includes(origin) ? origin : undefined;
  };

  // Sets the origin headers through `set`, reading an existing Vary through `get`.
  const base = (
    request: HttpRequest,
    get: (name: string) => string | null | undefined,
    set: (name: string, value: string) => void,
  ) => {
    const origin = allowOrigin(request);
    if (origin === undefined) return;
    set('access-control-allow-origin', origin);
    if (origin !== '*') {
      const vary = get('vary');
      set('vary', vary ? `${vary}, Origin` : 'Origin');
    }
    if (o.credentials && origin !== '*') set('access-control-allow-credentials', 'true');
  };

  // `base` over a plain header record (our replies keep names in lower case).
  const baseOnRecord = (request: HttpRequest, headers: Record<string, string>) =>
    base(
      request,
      (name) => headers[name],
      (name, value) => {
        headers[name] = value;
      },
    );

  return {
    preflight: (request, methods) => {
      const headers: Record<string, string> = {};
      baseOnRecord(request, headers);
      headers['access-control-allow-methods'] = methods;
      headers['access-control-allow-headers'] = allowHeaders;
      headers['access-control-max-age'] = String(o.maxAge ?? 600);
      return { status: 204, headers };
    },
    decorate: (request, reply) => {
      if (reply instanceof Response) {
        const headers = new Headers(reply.headers);
        base(
          request,
          (name) => headers.get(name),
          (name, value) => headers.set(name, value),
        );
        headers.set('access-control-expose-headers', exposeHeaders);
        return new Response(reply.body, { status: reply.status, statusText: reply.statusText, headers });
      }
      const headers: Record<string, string> = { ...reply.headers };
      baseOnRecord(request, headers);
      headers['access-control-expose-headers'] = exposeHeaders;
      return { ...reply, headers };
    },
  };
};
