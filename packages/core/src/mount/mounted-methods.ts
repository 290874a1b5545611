import type { Context } from '../context/context.js';
import { inModule } from '../middleware/module-middleware.js';
import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  Tool,
} from '../protocol/types.js';
import type { CompletionRef } from '../server/complete.js';
import type { MountDescriptor, Provider } from './mount.js';
import {
  inwardName,
  inwardUri,
  isNotFound,
  mountedVisible,
  outwardName,
  outwardUri,
  providerContext,
} from './mounted.js';

type Kind = 'tool' | 'prompt' | 'resource' | 'resourceTemplate';

const open = (ctx: Context, mount: MountDescriptor) => !mount.access || mount.access(ctx.auth);

/**
 * Appends what the mounts list to the local items, renamed outward and
 * filtered for this session. Names already taken (locally, or by an earlier
 * mount) keep their first owner.
 */
const appendMounted = async <T>(
  mounts: readonly MountDescriptor[],
  ctx: Context,
  local: readonly T[],
  kind: Kind,
  list: { readonly method: string; readonly key: string },
  fetch: (provider: Provider, ctx: Context) => Promise<readonly T[]>,
  rename: (mount: MountDescriptor, item: T) => T,
  keyOf: (item: T) => string,
): Promise<readonly T[]> => {
  const seen = new Set(local.map(keyOf));
  const result = [...local];
  const lists = await Promise.all(
    mounts.map(async (mount) => {
      if (!open(ctx, mount)) return undefined;
      // The mount's middleware sees the items by the names clients see.
      const result = await inModule(mount, list.method, {}, ctx, async (_p, c) => ({
        [list.key]: (await fetch(mount.provider, providerContext(c) as Context)).map((item) => rename(mount, item)),
      }));
      return { mount, items: (result[list.key] as readonly T[] | undefined) ?? [] };
    }),
  );
  for (const entry of lists) {
    if (!entry) continue;
    for (const item of entry.items) {
      const key = keyOf(item);
      if (seen.has(key) || !mountedVisible(ctx, entry.mount, kind, key)) continue;
      seen.add(key);
      result.push(item);
    }
  }
  return result;
};

export const mountedTools = (mounts: readonly MountDescriptor[], ctx: Context, local: readonly Tool[]) =>
  appendMounted(
    mounts,
    ctx,
    local,
    'tool',
    { method: 'tools/list', key: 'tools' },
    (p, c) => p.listTools(c),
    (m, t) => ({ ...t, name: outwardName(m.layers, t.name) }),
    (t) => t.name,
  );

export const mountedPrompts = (mounts: readonly MountDescriptor[], ctx: Context, local: readonly Prompt[]) =>
  appendMounted(
    mounts,
    ctx,
    local,
    'prompt',
    { method: 'prompts/list', key: 'prompts' },
    (p, c) => p.listPrompts(c),
    (m, t) => ({ ...t, name: outwardName(m.layers, t.name) }),
    (t) => t.name,
  );

export const mountedResources = (mounts: readonly MountDescriptor[], ctx: Context, local: readonly Resource[]) =>
  appendMounted(
    mounts,
    ctx,
    local,
    'resource',
    { method: 'resources/list', key: 'resources' },
    (p, c) => p.listResources(c),
    (m, r) => ({ ...r, uri: outwardUri(m.layers, r.uri) }),
    (r) => r.uri,
  );

export const mountedTemplates = (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  local: readonly ResourceTemplate[],
) =>
  appendMounted(
    mounts,
    ctx,
    local,
    'resourceTemplate',
    { method: 'resources/templates/list', key: 'resourceTemplates' },
    (p, c) => p.listResourceTemplates(c),
    (m, t) => ({ ...t, uriTemplate: outwardUri(m.layers, t.uriTemplate) }),
    (t) => t.uriTemplate,
  );

/** The first mount that has the named tool or prompt (by its listing), with the provider's own name for it. */
const findNamed = async (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  kind: 'tool' | 'prompt',
  name: string,
): Promise<{ mount: MountDescriptor; inner: string } | undefined> => {
  for (const mount of mounts) {
    const inner = inwardName(mount.layers, name);
    if (inner === undefined || !open(ctx, mount) || !mountedVisible(ctx, mount, kind, name)) continue;
    const pctx = providerContext(ctx);
    const listed = kind === 'tool' ? await mount.provider.listTools(pctx) : await mount.provider.listPrompts(pctx);
    if (listed.some((item) => item.name === inner)) return { mount, inner };
  }
  return undefined;
};

/** Calls a mounted tool; undefined when no mount has it. */
export const callMountedTool = async (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  name: string,
  args: Record<string, unknown> | undefined,
): Promise<CallToolResult | undefined> => {
  const hit = await findNamed(mounts, ctx, 'tool', name);
  if (!hit) return undefined;
  const { mount, inner } = hit;
  return (await inModule(mount, 'tools/call', { name, arguments: args }, ctx, (p, c) =>
    mount.provider.callTool(inner, p.arguments as Record<string, unknown> | undefined, providerContext(c)),
  )) as CallToolResult;
};

/** Renders a mounted prompt; undefined when no mount has it. */
export const getMountedPrompt = async (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  name: string,
  args: Record<string, string> | undefined,
): Promise<GetPromptResult | undefined> => {
  const hit = await findNamed(mounts, ctx, 'prompt', name);
  if (!hit) return undefined;
  const { mount, inner } = hit;
  return (await inModule(mount, 'prompts/get', { name, arguments: args }, ctx, (p, c) =>
    mount.provider.getPrompt(inner, p.arguments as Record<string, string> | undefined, providerContext(c)),
  )) as GetPromptResult;
};

/** Reads a mounted resource: each mount the URI maps into, in order, until one has it; undefined when none does. */
export const readMountedResource = async (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  uri: string,
): Promise<ReadResourceResult | undefined> => {
  for (const mount of mounts) {
    const inner = inwardUri(mount.layers, uri);
    if (inner === undefined || !open(ctx, mount) || !mountedVisible(ctx, mount, 'resource', uri)) continue;
    try {
      return (await inModule(mount, 'resources/read', { uri }, ctx, async (_p, c) => {
        const result = await mount.provider.readResource(inner, providerContext(c));
        return {
          ...result,
          contents: result.contents.map((item) => ({ ...item, uri: outwardUri(mount.layers, item.uri) })),
        };
      })) as ReadResourceResult;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return undefined;
};

/** Completes against a mounted prompt or template; undefined when no mount has the ref. */
export const completeMounted = async (
  mounts: readonly MountDescriptor[],
  ctx: Context,
  ref: CompletionRef,
  argument: { readonly name: string; readonly value: string },
  context: { readonly arguments?: Record<string, string> } | undefined,
): Promise<CompleteResult | undefined> => {
  if (ref.type === 'ref/prompt') {
    const hit = await findNamed(mounts, ctx, 'prompt', ref.name);
    if (!hit) return undefined;
    return {
      completion: await hit.mount.provider.complete(
        { type: 'ref/prompt', name: hit.inner },
        argument,
        context,
        providerContext(ctx),
      ),
    };
  }
  for (const mount of mounts) {
    const inner = inwardUri(mount.layers, ref.uri);
    if (inner === undefined || !open(ctx, mount)) continue;
    const templates = await mount.provider.listResourceTemplates(providerContext(ctx));
    if (!templates.some((t) => t.uriTemplate === inner)) continue;
    return {
      completion: await mount.provider.complete(
        { type: 'ref/resource', uri: inner },
        argument,
        context,
        providerContext(ctx),
      ),
    };
  }
  return undefined;
};
