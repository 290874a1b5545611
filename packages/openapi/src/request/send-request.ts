import type { Context } from '@mcpkit/core';
import { type ClassifiedBody, classifyBody } from '../response/classify-body.js';
import { readBody } from '../response/read-body.js';
import type { PlannedRequest } from './build-request.js';

/** Which operation a request is for, as a `headers` function is told. */
export interface RequestOperation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
}

/**
 * Headers for every upstream request: fixed, or computed per call from the
 * MCP request's context (and the operation called).
 */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | ((
      ctx: Context,
      operation: RequestOperation,
    ) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** How requests are sent: the settings of `openapi()` that calls use. */
export interface SendSettings {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly headers: HeadersOption | undefined;
  readonly maxResponseBytes: number;
}

/** What came back from the API. */
export interface ApiResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly body: ClassifiedBody;
}

/** A request that got no response (network error, timeout, cancellation, too large); its message is for the model. */
export class SendError extends Error {}

const lowerKeys = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
};

/**
 * Sends a planned request with the configured `fetch`: the configured
 * headers are added last (so a parameter cannot replace them), the call is
 * aborted when the MCP request is cancelled or after `timeoutMs`, and the
 * body is read up to `maxResponseBytes`.
 */
export const sendRequest = async (
  request: PlannedRequest,
  settings: SendSettings,
  ctx: Context,
  operation: RequestOperation,
): Promise<ApiResponse> => {
  const configured = typeof settings.headers === 'function' ? await settings.headers(ctx, operation) : settings.headers;
  const headers = { accept: 'application/json, */*;q=0.8', ...request.headers, ...lowerKeys(configured ?? {}) };
  // One controller aborted by the timer or by the MCP request's signal: cheaper per call than
  // AbortSignal.timeout() joined with AbortSignal.any().
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const cancel = () => controller.abort();
  ctx.signal.addEventListener('abort', cancel, { once: true });
  const label = `${request.method} ${request.url}`;
  try {
    const response = await settings.fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      signal: controller.signal,
    });
    const bytes = await readBody(response, settings.maxResponseBytes);
    return {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      body: classifyBody(bytes, response.headers.get('content-type')),
    };
  } catch (error) {
    if (timedOut) throw new SendError(`${label} timed out after ${settings.timeoutMs} ms`);
    if (ctx.signal.aborted) throw new SendError(`${label} was cancelled`);
    const cause = (error as Error & { cause?: Error }).cause;
    const detail = cause?.message ? `${(error as Error).message} (${cause.message})` : (error as Error).message;
    throw new SendError(`${label} failed: ${detail}`);
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', cancel);
  }
};
