import type { Server } from '@mcpkit/core';

type Closable = { readonly close: () => Promise<void> };

const isServer = (value: unknown): value is Server =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'server';

/**
 * Closes the remote connections of every proxy mounted in `server`, at any
 * depth (child processes end). Per-session connections close with their
 * session already; this ends the shared ones, e.g. after `serve()` closed.
 *
 * @example
 * const server = fromConfig(config);
 * const running = await serve(server, { transport: 'http' });
 * await running.close();
 * await closeProxies(server);
 */
export const closeProxies = async (server: Server): Promise<void> => {
  const pending: Promise<void>[] = [];
  const visit = (current: Server, seen: Set<Server>) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const component of current.components) {
      if (component.kind !== 'mount') continue;
      const provider = component.provider as unknown;
      if (isServer(provider)) visit(provider, seen);
      else if (typeof (provider as Partial<Closable>).close === 'function')
        pending.push((provider as Closable).close());
    }
  };
  visit(server, new Set());
  await Promise.all(pending);
};
