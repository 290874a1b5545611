import { type ContextInput, type Implementation, type ListKind, outgoingMeta } from '@mcpkit/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { installRelay, RELAYED_CAPABILITIES } from './relay.js';
import { openTransport, type ResolvedTarget } from './target.js';

type Sdk = typeof import('@modelcontextprotocol/sdk/types.js');

/** The lists a connection caches, by the method that fetches them. */
export type ListName = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

const LIST_METHODS: Record<ListName, string> = {
  tools: 'tools/list',
  resources: 'resources/list',
  resourceTemplates: 'resources/templates/list',
  prompts: 'prompts/list',
};

/** A list is offered only when the remote declared the capability it belongs to. */
const CAPABILITY_OF: Record<ListName, 'tools' | 'resources' | 'prompts'> = {
  tools: 'tools',
  resources: 'resources',
  resourceTemplates: 'resources',
  prompts: 'prompts',
};

/** One live connection (and remote session) to a remote server. */
export interface RemoteConnection {
  /** Sends one request on behalf of `ctx`: its `_meta`, progress, cancellation and relayed traffic. */
  readonly request: (
    method: string,
    params: Record<string, unknown>,
    ctx: ContextInput | undefined,
  ) => Promise<unknown>;
  /** A list, fetched whole (every page) and cached until the remote says it changed. */
  readonly list: (name: ListName, ctx: ContextInput | undefined) => Promise<readonly unknown[]>;
  /** Whether the remote declared a capability (`completions`, `tools`, …). */
  readonly offers: (capability: string) => boolean;
  /** True once the transport closed or the connection was given up. */
  readonly closed: () => boolean;
  readonly close: () => Promise<void>;
}

/** How a connection is made and whom it tells. */
export interface ConnectionSettings {
  readonly clientInfo: Implementation;
  /** Per-request timeout, reset by progress. */
  readonly timeoutMs: number | undefined;
  /** The context of the request that needed the connection (it may receive early relayed traffic). */
  readonly first: ContextInput | undefined;
  readonly onListChanged: (kind: ListKind) => void;
  /**
   * The connection serves every session of ours: relayed traffic then goes
   * only to a call that is alone in flight on it, never to another session's.
   */
  readonly shared?: boolean;
}

/**
 * `_meta` to forward: ours minus the progress token, which the SDK replaces
 * with its own, with what middleware left for outgoing requests on top (the
 * trace context of this server's span, in place of the client's).
 */
const forwardedMeta = (ctx: ContextInput | undefined) => {
  const added = outgoingMeta(ctx);
  if (!ctx?.meta && !added) return undefined;
  const { progressToken: _, ...rest } = ctx?.meta ?? {};
  const meta = added ? { ...rest, ...added } : rest;
  return Object.keys(meta).length > 0 ? meta : undefined;
};

/** Connects to the remote, relaying its traffic to the requests it serves. */
export const connect = async (target: ResolvedTarget, settings: ConnectionSettings): Promise<RemoteConnection> => {
  const [{ Client }, sdk] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/types.js') as Promise<Sdk>,
  ]);
  const active: ContextInput[] = [];
  let last = settings.first;
  let closed = false;
  const cache = new Map<ListName, Promise<readonly unknown[]>>();
  const client: Client = new Client({ ...settings.clientInfo }, { capabilities: RELAYED_CAPABILITIES });
  installRelay(client, sdk, {
    // Shared: with two calls in flight, a remote request could belong to either session's client.
    current: () => (settings.shared ? (active.length === 1 ? active[0] : undefined) : (active.at(-1) ?? last)),
    listChanged: (kind) => {
      cache.delete(kind);
      if (kind === 'resources') cache.delete('resourceTemplates');
      settings.onListChanged(kind);
    },
  });
  client.onclose = () => {
    closed = true;
  };
  // Transport errors surface on the failing request; the default handler would only print them.
  client.onerror = () => {};
  const transport = await openTransport(target);
  try {
    await client.connect(transport, settings.timeoutMs ? { timeout: settings.timeoutMs } : undefined);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }

  const request: RemoteConnection['request'] = async (method, params, ctx) => {
    const meta = forwardedMeta(ctx);
    const wantsProgress = ctx?.meta?.progressToken !== undefined && ctx.progress !== undefined;
    const options: RequestOptions = {
      signal: ctx?.signal,
      timeout: settings.timeoutMs,
      resetTimeoutOnProgress: true,
      onprogress: wantsProgress ? (p) => void ctx?.progress?.(p.progress, p.total, p.message) : undefined,
    };
    if (ctx) {
      active.push(ctx);
      last = ctx;
    }
    try {
      return await client.request(
        { method, params: meta ? { ...params, _meta: meta } : params },
        sdk.ResultSchema,
        options,
      );
    } finally {
      if (ctx) active.splice(active.lastIndexOf(ctx), 1);
    }
  };

  const fetchAll = async (name: ListName, ctx: ContextInput | undefined) => {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = (await request(LIST_METHODS[name], cursor ? { cursor } : {}, ctx)) as Record<string, unknown>;
      items.push(...((page[name] as unknown[] | undefined) ?? []));
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : undefined;
    } while (cursor);
    return items;
  };

  const offers = (capability: string) =>
    Boolean((client.getServerCapabilities() as Record<string, unknown> | undefined)?.[capability]);

  return {
    request,
    list: (name, ctx) => {
      if (!offers(CAPABILITY_OF[name])) return Promise.resolve([]);
      const cached = cache.get(name);
      if (cached) return cached;
      // Shared by every caller until invalidated, so one caller's cancellation must not abort it.
      const fetched = fetchAll(name, ctx && { ...ctx, signal: undefined });
      cache.set(name, fetched);
      // A failed fetch is not cached: the next listing asks again.
      fetched.catch(() => {
        if (cache.get(name) === fetched) cache.delete(name);
      });
      return fetched;
    },
    offers,
    closed: () => closed,
    close: async () => {
      const wasOpen = !closed;
      closed = true;
      cache.clear();
      // Streamable HTTP: end the remote session (DELETE) rather than leave it to the remote's idle timeout.
      const terminate = (transport as { terminateSession?: () => Promise<void> }).terminateSession;
      if (wasOpen && typeof terminate === 'function') await terminate.call(transport).catch(() => {});
      await client.close().catch(() => {});
    },
  };
};
