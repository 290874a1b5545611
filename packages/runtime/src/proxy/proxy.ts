import type {
  CallToolResult,
  CompleteResult,
  ContextInput,
  GetPromptResult,
  Implementation,
  ListKind,
  Prompt,
  Provider,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '@mcpkit/core';
import { connect, type ListName, type RemoteConnection } from './connection.js';
import { createPool } from './pool.js';
import { breaksConnection, failedCall, isRemoteFailure, toProxyError, unavailable } from './remote-errors.js';
import { type ProxyTarget, resolveTarget, targetLabel } from './target.js';

/** Options of {@link proxy}. */
export interface ProxyOptions {
  /** Names the remote in error messages; default: the command line or the URL. */
  readonly name?: string;
  /** How the proxy introduces itself to the remote; default `{ name: 'mcpkit-proxy', version: '1.0.0' }`. */
  readonly clientInfo?: Implementation;
  /** Per-request timeout in ms, reset whenever the remote reports progress; default the SDK's (60 s). */
  readonly timeoutMs?: number;
  /**
   * When the remote cannot be reached, its lists are empty (and a warning is
   * logged to the client) instead of failing the whole listing; default false.
   * `fromConfig()` turns this on so one broken server does not hide the others.
   */
  readonly emptyListsWhenDown?: boolean;
  /**
   * `'per-session'` (default): each of our sessions gets its own remote
   * session (for a stdio remote, its own child process). `'shared'`: one
   * remote session serves all of ours. Then the remote sees one client (its
   * per-session state, log level and roots are common to all our sessions), and
   * its sampling, elicitation and roots requests and its logs are relayed
   * only while exactly one of our calls is in flight on it (refused or
   * dropped otherwise, so they never reach another session's client).
   * Progress and list changes are relayed as in per-session mode.
   */
  readonly sessions?: 'per-session' | 'shared';
  /**
   * Most per-session remote connections open at once; a new session's call
   * beyond it fails as "unavailable" (a tool error for tools/call). Default 16
   * for a stdio remote (each is a child process), 1000 for a URL.
   */
  readonly maxConnections?: number;
  /** A remote connection unused for this long is closed, its child process ending; the next use reopens it. Default 10 minutes. */
  readonly idleMs?: number;
}

/** Default `maxConnections` of a stdio remote. */
export const DEFAULT_MAX_STDIO_CONNECTIONS = 16;
/** Default `maxConnections` of a URL remote. */
export const DEFAULT_MAX_URL_CONNECTIONS = 1000;
/** Default `idleMs` of a proxy: 10 minutes. */
export const DEFAULT_PROXY_IDLE_MS = 10 * 60 * 1000;

/** A {@link Provider} backed by a remote MCP server; mount it with `mount()`. */
export interface ProxyProvider extends Provider {
  /** The name used in error messages. */
  readonly name: string;
  /** How many remote connections are open or opening (one per session of ours, plus a shared one). */
  readonly connections: () => number;
  /** Closes every remote connection (child processes end); later calls fail. */
  readonly close: () => Promise<void>;
}

/**
 * A provider that forwards to a remote MCP server over stdio, Streamable HTTP
 * or legacy SSE, through the SDK client. Lists are cached until the remote
 * says they changed; each of our sessions gets its own remote session; the
 * remote's progress, logs and sampling/elicitation/roots requests reach our
 * client; a remote that fails is reconnected on the next use.
 *
 * @example
 * const weather = proxy({ command: 'node', args: ['weather-server.js'] }, { name: 'weather' });
 * const server = createServer(info, [mount(weather, { namespace: 'weather' })]);
 * await serve(server, { transport: 'http', port: 3000 });
 */
export const proxy = (target: ProxyTarget, options: ProxyOptions = {}): ProxyProvider => {
  const resolved = resolveTarget(target);
  const name = options.name ?? targetLabel(resolved);
  const listeners = new Set<(kind: ListKind) => void>();
  const shared = options.sessions === 'shared';
  const pool = createPool(
    (ctx) =>
      connect(resolved, {
        clientInfo: options.clientInfo ?? { name: 'mcpkit-proxy', version: '1.0.0' },
        timeoutMs: options.timeoutMs,
        first: ctx,
        shared,
        onListChanged: (kind) => {
          for (const listener of [...listeners]) listener(kind);
        },
      }),
    {
      shared,
      maxConnections:
        options.maxConnections ??
        (resolved.kind === 'stdio' ? DEFAULT_MAX_STDIO_CONNECTIONS : DEFAULT_MAX_URL_CONNECTIONS),
      idleMs: options.idleMs ?? DEFAULT_PROXY_IDLE_MS,
    },
  );

  /** Runs `use` on the session's connection, normalising what it throws. */
  const run = async <T>(ctx: ContextInput | undefined, use: (connection: RemoteConnection) => Promise<T>) => {
    let connection: RemoteConnection;
    try {
      connection = await pool.get(ctx);
    } catch (error) {
      throw unavailable(name, error);
    }
    try {
      return await use(connection);
    } catch (error) {
      const normalised = toProxyError(name, error, ctx, connection.closed());
      if (isRemoteFailure(normalised) && breaksConnection(error)) pool.discard(connection);
      throw normalised;
    } finally {
      pool.release(connection);
    }
  };

  const list = async <T>(listName: ListName, ctx: ContextInput | undefined): Promise<readonly T[]> => {
    try {
      return (await run(ctx, (c) => c.list(listName, ctx))) as readonly T[];
    } catch (error) {
      if (!options.emptyListsWhenDown || !isRemoteFailure(error)) throw error;
      ctx?.log?.warning(error.message, 'proxy');
      return [];
    }
  };

  const call = (method: string, params: Record<string, unknown>, ctx: ContextInput | undefined) =>
    run(ctx, (c) => c.request(method, params, ctx));

  return Object.freeze({
    name,
    listTools: (ctx) => list<Tool>('tools', ctx),
    listResources: (ctx) => list<Resource>('resources', ctx),
    listResourceTemplates: (ctx) => list<ResourceTemplate>('resourceTemplates', ctx),
    listPrompts: (ctx) => list<Prompt>('prompts', ctx),
    callTool: async (toolName, args, ctx) => {
      try {
        return (await call('tools/call', { name: toolName, arguments: args ?? {} }, ctx)) as CallToolResult;
      } catch (error) {
        // A remote that is down or died mid-call is a tool error the model can read.
        if (isRemoteFailure(error)) return failedCall(error);
        throw error;
      }
    },
    readResource: async (uri, ctx) => (await call('resources/read', { uri }, ctx)) as ReadResourceResult,
    getPrompt: async (promptName, args, ctx) =>
      (await call(
        'prompts/get',
        args ? { name: promptName, arguments: args } : { name: promptName },
        ctx,
      )) as GetPromptResult,
    complete: async (ref, argument, context, ctx) => {
      const params = context ? { ref, argument, context } : { ref, argument };
      const result = await run(ctx, async (c) =>
        c.offers('completions') ? ((await c.request('completion/complete', params, ctx)) as CompleteResult) : undefined,
      );
      return result?.completion ?? { values: [] };
    },
    onListChanged: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    connections: pool.size,
    close: pool.close,
  } satisfies ProxyProvider);
};
