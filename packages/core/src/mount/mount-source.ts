import type { Context, ContextInput } from '../context/context.js';
import { inModule } from '../middleware/module-middleware.js';
import type {
  CallToolResult,
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '../protocol/types.js';
import { type ItemKind, itemKey, type Source, type SourceItems } from '../server/source.js';
import { listingCache } from './listing-cache.js';
import type { MountDescriptor } from './mount.js';
import {
  inwardName,
  inwardUri,
  isNotFound,
  mountedVisible,
  outwardName,
  outwardUri,
  providerContext,
} from './mounted.js';
import type { CompletionRef, Provider } from './provider.js';

/** How each kind is listed by a provider, renamed outward, and named in its list method. */
const LISTS: {
  readonly [K in ItemKind]: {
    readonly method: string;
    readonly key: string;
    readonly fetch: (provider: Provider, ctx: ContextInput) => Promise<readonly SourceItems[K][]>;
    readonly rename: (mount: MountDescriptor, item: SourceItems[K]) => SourceItems[K];
  };
} = {
  tool: {
    method: 'tools/list',
    key: 'tools',
    fetch: (p, c) => p.listTools(c),
    rename: (m, t: Tool) => ({ ...t, name: outwardName(m.layers, t.name) }),
  },
  prompt: {
    method: 'prompts/list',
    key: 'prompts',
    fetch: (p, c) => p.listPrompts(c),
    rename: (m, t: Prompt) => ({ ...t, name: outwardName(m.layers, t.name) }),
  },
  resource: {
    method: 'resources/list',
    key: 'resources',
    fetch: (p, c) => p.listResources(c),
    rename: (m, r: Resource) => ({ ...r, uri: outwardUri(m.layers, r.uri) }),
  },
  resourceTemplate: {
    method: 'resources/templates/list',
    key: 'resourceTemplates',
    fetch: (p, c) => p.listResourceTemplates(c),
    rename: (m, t: ResourceTemplate) => ({ ...t, uriTemplate: outwardUri(m.layers, t.uriTemplate) }),
  },
};

/**
 * A mount as a {@link Source}: the provider's items under the mount's
 * namespaces, behind its access rule, its module middleware and the
 * session's rules (by the names clients see). A call finds its target in the
 * provider's kept listing (see {@link listingCache}), not by listing anew;
 * `epoch` is the server's (see `listChanges`).
 */
export const mountSource = (mount: MountDescriptor, epoch: () => number | undefined): Source => {
  const { provider, layers } = mount;
  const open = (ctx: Context) => !mount.access || mount.access(ctx.auth);
  const lookups = listingCache(provider, epoch);

  /** The provider's own name for a tool or prompt this request may use, or undefined. */
  const findNamed = async (kind: 'tool' | 'prompt', name: unknown, ctx: Context): Promise<string | undefined> => {
    if (typeof name !== 'string') return undefined;
    const inner = inwardName(layers, name);
    if (inner === undefined || !open(ctx) || !mountedVisible(ctx, mount, kind, name)) return undefined;
    const found = await lookups.has(kind, inner, ctx, async () =>
      (await LISTS[kind].fetch(provider, providerContext(ctx))).map((item) => item.name),
    );
    return found ? inner : undefined;
  };

  return {
    list: async (kind, ctx) => {
      if (!open(ctx)) return [];
      const { method, key, fetch, rename } = LISTS[kind];
      // The mount's middleware sees the items by the names clients see.
      const result = await inModule(mount, method, {}, ctx, async (_p, c) => ({
        [key]: (await fetch(provider, providerContext(c))).map((item) => rename(mount, item)),
      }));
      const items = (result[key] as readonly SourceItems[typeof kind][] | undefined) ?? [];
      return items.filter((item) => mountedVisible(ctx, mount, kind, itemKey(kind, item)));
    },

    callTool: async (params, ctx) => {
      const inner = await findNamed('tool', params.name, ctx);
      if (inner === undefined) return undefined;
      return (await inModule(mount, 'tools/call', { name: params.name, arguments: params.arguments }, ctx, (p, c) =>
        provider.callTool(inner, p.arguments as Record<string, unknown> | undefined, providerContext(c)),
      )) as CallToolResult;
    },

    getPrompt: async (params, ctx) => {
      const inner = await findNamed('prompt', params.name, ctx);
      if (inner === undefined) return undefined;
      return (await inModule(mount, 'prompts/get', { name: params.name, arguments: params.arguments }, ctx, (p, c) =>
        provider.getPrompt(inner, p.arguments as Record<string, string> | undefined, providerContext(c)),
      )) as GetPromptResult;
    },

    // Resources are not listed up front (templates match any number of URIs): the provider is asked, and says.
    readResource: async (uri, ctx) => {
      const inner = inwardUri(layers, uri);
      if (inner === undefined || !open(ctx) || !mountedVisible(ctx, mount, 'resource', uri)) return undefined;
      try {
        return (await inModule(mount, 'resources/read', { uri }, ctx, async (_p, c) => {
          const result = await provider.readResource(inner, providerContext(c));
          return {
            ...result,
            contents: result.contents.map((item) => ({ ...item, uri: outwardUri(layers, item.uri) })),
          };
        })) as ReadResourceResult;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        return undefined;
      }
    },

    complete: async (_params, { ref: checked, argument, context }, ctx) => {
      const ref = checked as CompletionRef;
      let inner: CompletionRef | undefined;
      if (ref.type === 'ref/prompt') {
        const name = await findNamed('prompt', ref.name, ctx);
        inner = name === undefined ? undefined : { type: 'ref/prompt', name };
      } else if (typeof ref.uri === 'string') {
        const uri = inwardUri(layers, ref.uri);
        const found =
          uri !== undefined &&
          open(ctx) &&
          (await lookups.has('resourceTemplate', uri, ctx, async () =>
            (await provider.listResourceTemplates(providerContext(ctx))).map((t) => t.uriTemplate),
          ));
        inner = found ? { type: 'ref/resource', uri } : undefined;
      }
      if (!inner) return undefined;
      return { completion: await provider.complete(inner, argument, { arguments: context }, providerContext(ctx)) };
    },
  };
};
