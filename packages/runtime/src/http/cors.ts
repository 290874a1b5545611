import type { CorsOptions } from './options.js';

/** What a CORS policy does to one exchange. */
export interface Cors {
  /** Answers an OPTIONS preflight. */
  readonly preflight: (request: Request, methods: string) => Response;
  /** Adds CORS headers to any other response (returns a copy when headers are immutable). */
  readonly decorate: (request: Request, response: Response) => Response;
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
  const allowOrigin = (request: Request): string | undefined => {
    const origin = request.headers.get('origin');
    // Any origin never gets credentials: reflecting it with them would let every site act as the user.
    if (rule === '*') return '*';
    if (!origin) return undefined;
    if (typeof rule === 'string') return rule === origin ? origin : undefined;
    if (typeof rule === 'function') return rule(origin) ? origin : undefined;
    return rule.includes(origin) ? origin : undefined;
  };

  const base = (request: Request, headers: Headers) => {
    const origin = allowOrigin(request);
    if (origin === undefined) return;
    headers.set('Access-Control-Allow-Origin', origin);
    if (origin !== '*') headers.append('Vary', 'Origin');
    if (o.credentials && origin !== '*') headers.set('Access-Control-Allow-Credentials', 'true');
  };

  return {
    preflight: (request, methods) => {
      const headers = new Headers();
      base(request, headers);
      headers.set('Access-Control-Allow-Methods', methods);
      headers.set('Access-Control-Allow-Headers', allowHeaders);
      headers.set('Access-Control-Max-Age', String(o.maxAge ?? 600));
      return new Response(null, { status: 204, headers });
    },
    decorate: (request, response) => {
      const headers = new Headers(response.headers);
      base(request, headers);
      headers.set('Access-Control-Expose-Headers', exposeHeaders);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  };
};
