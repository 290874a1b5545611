import type { HttpRequestInfo } from '@mcpkit/core';
import type { HttpRequest } from './exchange.js';

/** Headers `ctx.http` leaves out unless exposed: credentials, and what proxies add (spoofable without a trusted proxy). */
const HIDDEN: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'forwarded',
  'via',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
]);

/** Whether `ctx.http` leaves a header out by default. */
export const isHiddenHeader = (name: string): boolean => HIDDEN.has(name) || name.startsWith('x-forwarded-');

/**
 * `ctx.http` of the requests one HTTP request carries: method at once, the
 * URL and the headers on first read (most handlers never look), credentials
 * and proxy headers left out unless named in `expose` (lower-case names).
 */
export class HttpRequestView implements HttpRequestInfo {
  readonly method: string;
  readonly #request: HttpRequest;
  readonly #expose: ReadonlySet<string>;
  #url: string | undefined;
  #headers: Readonly<Record<string, string>> | undefined;

  constructor(request: HttpRequest, expose: ReadonlySet<string>) {
    this.method = request.method;
    this.#request = request;
    this.#expose = expose;
  }

  get url(): string {
    this.#url ??= this.#request.url();
    return this.#url;
  }

  get headers(): Readonly<Record<string, string>> {
    if (this.#headers) return this.#headers;
    const headers: Record<string, string> = {};
    for (const name of this.#request.headerNames()) {
      if (isHiddenHeader(name) && !this.#expose.has(name)) continue;
      const value = this.#request.header(name);
      if (value !== null) headers[name] = value;
    }
    this.#headers = Object.freeze(headers);
    return this.#headers;
  }

  /** Plain data when serialised (a handler logging `ctx.http`). */
  toJSON(): HttpRequestInfo {
    return { method: this.method, url: this.url, headers: this.headers };
  }
}
