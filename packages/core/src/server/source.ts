import type { Context } from '../context/context.js';
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

/** What a source lists, by the kind of component it describes. */
export interface SourceItems {
  readonly tool: Tool;
  readonly prompt: Prompt;
  readonly resource: Resource;
  readonly resourceTemplate: ResourceTemplate;
}

/** The kinds a source lists. */
export type ItemKind = keyof SourceItems;

/** The key a listed item is addressed by: a name, a URI or a URI template. */
export const itemKey = (kind: ItemKind, item: SourceItems[ItemKind]): string =>
  kind === 'resource'
    ? (item as Resource).uri
    : kind === 'resourceTemplate'
      ? (item as ResourceTemplate).uriTemplate
      : (item as Tool | Prompt).name;

/**
 * One place components come from: a server's own components, or a mount.
 * Each answers by the names clients see and with `undefined` for what it does
 * not have, so a method asks its sources in order and the first answer wins.
 * Params are the request's own (`tools/call` params and so on).
 */
export interface Source {
  /** The items of one kind this request may see. */
  readonly list: <K extends ItemKind>(kind: K, ctx: Context) => Promise<readonly SourceItems[K][]>;
  readonly callTool: (params: Readonly<Record<string, unknown>>, ctx: Context) => Promise<CallToolResult | undefined>;
  readonly getPrompt: (params: Readonly<Record<string, unknown>>, ctx: Context) => Promise<GetPromptResult | undefined>;
  readonly readResource: (uri: string, ctx: Context) => Promise<ReadResourceResult | undefined>;
  /** `request` is what `params` say, checked. */
  readonly complete: (
    params: Readonly<Record<string, unknown>>,
    request: CompletionRequest,
    ctx: Context,
  ) => Promise<CompleteResult | undefined>;
}

/** The checked parts of a `completion/complete` request. */
export interface CompletionRequest {
  readonly ref: Readonly<Record<string, unknown>>;
  readonly argument: { readonly name: string; readonly value: string };
  /** The values of the other arguments, as the client sent them. */
  readonly context: Readonly<Record<string, string>>;
}

/**
 * The first answer of `ask` over the sources, in order; undefined when none
 * has it.
 */
export const firstAnswer = <T>(
  sources: readonly Source[],
  ask: (source: Source) => Promise<T | undefined>,
): Promise<T | undefined> =>
  // One source (a server without mounts) is asked directly: no promise in between.
  sources.length === 1 ? ask(sources[0] as Source) : askInTurn(sources, ask);

const askInTurn = async <T>(
  sources: readonly Source[],
  ask: (source: Source) => Promise<T | undefined>,
): Promise<T | undefined> => {
  for (const source of sources) {
    const answer = await ask(source);
    if (answer !== undefined) return answer;
  }
  return undefined;
};

/**
 * What the sources list, in order (after `first`, when given): a key already
 * taken by an earlier list keeps its first owner. Sources are asked in parallel.
 */
export const listAll = async <K extends ItemKind>(
  sources: readonly Source[],
  kind: K,
  ctx: Context,
  first?: readonly SourceItems[K][],
): Promise<readonly SourceItems[K][]> => {
  const rest = await Promise.all(sources.map((source) => source.list(kind, ctx)));
  const lists = first ? [first, ...rest] : rest;
  if (lists.length === 1) return lists[0] as readonly SourceItems[K][];
  // The first list stands as it is; later ones add only keys not yet taken.
  const result: SourceItems[K][] = [...(lists[0] as readonly SourceItems[K][])];
  const seen = new Set(result.map((item) => itemKey(kind, item)));
  for (const list of lists.slice(1)) {
    for (const item of list) {
      const key = itemKey(kind, item);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(item);
    }
  }
  return result;
};
