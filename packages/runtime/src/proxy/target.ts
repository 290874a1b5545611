import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** A remote server started as a child process speaking MCP over stdio. */
export interface StdioTarget {
  readonly command: string;
  readonly args?: readonly string[];
  /** Added to a safe default environment (PATH, HOME, …), as the SDK does. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

/** A remote server reached over HTTP: Streamable HTTP unless `transport: 'sse'`. */
export interface UrlTarget {
  readonly url: string | URL;
  /** Sent with every HTTP request (e.g. `Authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** `'http'` (Streamable HTTP, the default) or `'sse'` (the legacy HTTP+SSE transport). */
  readonly transport?: 'http' | 'sse';
}

/** What {@link proxy} connects to; a plain string is a Streamable HTTP URL. */
export type ProxyTarget = string | URL | StdioTarget | UrlTarget;

/** A target in one shape: a command or a parsed URL. */
export type ResolvedTarget =
  | { readonly kind: 'stdio'; readonly spec: StdioTarget }
  | { readonly kind: 'http' | 'sse'; readonly url: URL; readonly headers: Readonly<Record<string, string>> };

const parseUrl = (url: string | URL): URL => {
  try {
    return new URL(url);
  } catch {
    throw new TypeError(`proxy(): ${JSON.stringify(String(url))} is not a valid URL`);
  }
};

/** Checks and normalises a target; throws a TypeError naming what is wrong. */
export const resolveTarget = (target: ProxyTarget): ResolvedTarget => {
  if (typeof target === 'string' || target instanceof URL) return { kind: 'http', url: parseUrl(target), headers: {} };
  if (target && typeof target === 'object' && 'command' in target && typeof target.command === 'string') {
    return { kind: 'stdio', spec: target };
  }
  if (target && typeof target === 'object' && 'url' in target) {
    const kind = target.transport === 'sse' ? 'sse' : 'http';
    return { kind, url: parseUrl(target.url), headers: { ...target.headers } };
  }
  throw new TypeError(
    'proxy(): the target must be a URL, { url, headers?, transport? } or { command, args?, env?, cwd? }',
  );
};

/** A short name for the target, used in error messages when none is given. */
export const targetLabel = (target: ResolvedTarget): string =>
  target.kind === 'stdio'
    ? [target.spec.command, ...(target.spec.args ?? [])].join(' ')
    : `${target.url.origin}${target.url.pathname}`;

/**
 * Makes the SDK client transport for a target. The SDK modules load lazily so
 * the main entry imports no `node:*` module (stdio spawns with node:child_process).
 */
export const openTransport = async (target: ResolvedTarget): Promise<Transport> => {
  if (target.kind === 'stdio') {
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    const { command, args, env, cwd } = target.spec;
    return new StdioClientTransport({ command, args: [...(args ?? [])], env: env && { ...env }, cwd });
  }
  const requestInit = { headers: { ...target.headers } };
  if (target.kind === 'sse') {
    const { SSEClientTransport } = await import('@modelcontextprotocol/sdk/client/sse.js');
    return new SSEClientTransport(target.url, { requestInit });
  }
  const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
  return new StreamableHTTPClientTransport(target.url, { requestInit });
};
