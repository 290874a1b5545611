/**
 * The HTTP request that carried an MCP request, as `ctx.http` shows it on the
 * HTTP and SSE transports (absent on stdio and for direct calls). Headers are
 * by lower-case name, repeated ones joined with `, `; credentials and proxy
 * headers (`authorization`, `cookie`, `proxy-authorization`, `forwarded`,
 * `x-forwarded-*`, …) are left out unless the server exposes them by name.
 */
export interface HttpRequestInfo {
  /** `POST`, or `GET` for an SSE stream's first request. */
  readonly method: string;
  /** The absolute URL the client addressed. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}
