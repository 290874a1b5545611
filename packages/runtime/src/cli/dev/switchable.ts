import type { ListKind, Provider } from '@mcpkit/core';

/** A provider that can stop (the proxies `mcpkit dev` swaps between). */
export type ClosableProvider = Provider & { readonly close?: () => Promise<void> };

/** A provider whose implementation can be replaced while sessions stay open; see {@link switchable}. */
export interface Switchable {
  readonly provider: Provider;
  /** Serves `next` from now on, tells every listener all lists changed, then closes the previous one. */
  readonly swap: (next: ClosableProvider) => Promise<void>;
  /** Closes the current implementation. */
  readonly close: () => Promise<void>;
}

const KINDS: readonly ListKind[] = ['tools', 'resources', 'prompts'];

/**
 * A {@link Provider} that forwards to whichever implementation is current.
 * Mounted in a server, it lets `mcpkit dev` replace the user's server on
 * each edit without closing a session: clients get `list_changed` and keep going.
 */
export const switchable = (initial: ClosableProvider): Switchable => {
  let current = initial;
  const listeners = new Set<(kind: ListKind) => void>();
  const emit = (kind: ListKind) => {
    for (const listener of [...listeners]) listener(kind);
  };
  let stopInner = current.onListChanged?.(emit);
  const provider: Provider = {
    listTools: (ctx) => current.listTools(ctx),
    callTool: (name, args, ctx) => current.callTool(name, args, ctx),
    listResources: (ctx) => current.listResources(ctx),
    listResourceTemplates: (ctx) => current.listResourceTemplates(ctx),
    readResource: (uri, ctx) => current.readResource(uri, ctx),
    listPrompts: (ctx) => current.listPrompts(ctx),
    getPrompt: (name, args, ctx) => current.getPrompt(name, args, ctx),
    complete: (ref, argument, context, ctx) => current.complete(ref, argument, context, ctx),
    onListChanged: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return {
    provider,
    swap: async (next) => {
      const previous = current;
      stopInner?.();
      current = next;
      stopInner = next.onListChanged?.(emit);
      for (const kind of KINDS) emit(kind);
      await previous.close?.();
    },
    close: async () => {
      stopInner?.();
      await current.close?.();
    },
  };
};
