import { withAppsExtension } from '../apps/apps-extension.js';
import { isComposed } from '../compose/compose.js';
import type { Context, ContextInput } from '../context/context.js';
import { completeContext } from '../context/defaults.js';
import { DefinitionError } from '../errors/errors.js';
import { customHandlers } from '../extension/custom-handlers.js';
import { checkExtensions } from '../extension/extensions.js';
import { fulfilInput } from '../input/fulfil.js';
import { isInputRequired } from '../input/input-required.js';
import { type Handler, withMiddleware } from '../middleware/middleware.js';
import { listChanges, wireInvalidation } from '../mount/list-changes.js';
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
import type { Era } from '../request/request.js';
import { deepFreeze } from '../utils/deep-freeze.js';
import { applyTransforms } from './apply-transforms.js';
import { deriveCapabilities } from './capabilities.js';
import type { Component, Module } from './component.js';
import { createDispatcher, directRequest, handleRaw, servesMethod, tooManyRounds } from './dispatch.js';
import { registryMethods } from './methods.js';
import { createInputRounds } from './mrtr.js';
import type { ServerOptions } from './options.js';
import { buildRegistry } from './registry.js';
import type { Server, ServerInfo } from './server.js';
import { sessionMethods } from './session-methods.js';

/** Sorts components into local and composed ones, modules spread in place, each keeping their order. */
const collect = (items: readonly (Component | Module)[], local: Component[], composed: Component[]): void => {
  // Indexed, not for-of: construction runs mostly before the JIT warms up, where iterators cost.
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (Array.isArray(item)) collect(item as Module, local, composed);
    else (isComposed(item as Component) ? composed : local).push(item as Component);
  }
};

/** Local components take precedence over composed ones; modules keep their order. */
const ordered = (items: readonly (Component | Module)[]): Component[] => {
  const local: Component[] = [];
  const composed: Component[] = [];
  collect(items, local, composed);
  return local.concat(composed);
};

/**
 * Folds components into a server: a deeply frozen value that answers MCP
 * requests through `handle()` and typed methods, with no transport. Fails at
 * construction on anything that could not be served (duplicates, bad names).
 *
 * @example
 * export default createServer({ name: 'demo', version: '1.0.0' }, [...math, config, analyze]);
 */
export const createServer = (
  info: ServerInfo,
  components: readonly (Component | Module)[],
  options: ServerOptions = {},
): Server => {
  if (!info || typeof info.name !== 'string' || typeof info.version !== 'string') {
    throw new DefinitionError('createServer() needs info with a name and a version');
  }
  if (options.pageSize !== undefined && !(Number.isInteger(options.pageSize) && options.pageSize > 0)) {
    throw new DefinitionError('pageSize must be a positive integer');
  }
  const { instructions, ...serverInfo } = info;
  const registry = buildRegistry(applyTransforms(ordered(components), options.transforms), options);
  const capabilities = deriveCapabilities(registry, withAppsExtension(checkExtensions(options.extensions), registry));
  // One method table for every method, the session's own and custom ones included, and one middleware run around each.
  const changes = listChanges(registry.mounts);
  const own = registryMethods(registry, options, changes);
  const builtIn = new Map([...own, ...sessionMethods({ info: serverInfo, instructions, capabilities })]);
  const methods = withMiddleware(
    new Map([...builtIn, ...customHandlers(options.methods, new Set([...builtIn.keys(), 'subscriptions/listen']))]),
    options.middleware,
  );
  // What `ctx.readResource` reads: the server's resources (mounted ones too), past its middleware.
  const readRaw = own.get('resources/read') as Handler;
  const readOwn = async (uri: string, ctx: Context) => (await readRaw({ uri }, ctx)) as ReadResourceResult;
  const rounds = createInputRounds(options.input, options.warn ?? console.warn);
  const dispatch = createDispatcher(methods, readOwn, {
    mask: options.maskErrorDetails,
    serverInfo,
    cacheHints: options.cacheHints,
    rounds,
  });
  const onListChanged = changes.listen;
  wireInvalidation(registry.mounts, options.middleware, onListChanged);

  /**
   * A direct call: the same table and middleware, the handler's error thrown
   * rather than answered; input a handler asks for is asked of the caller's
   * context (a test context's scripted answers), as a 2025 session would.
   */
  const call = async <R>(method: string, params: Record<string, unknown>, input?: ContextInput): Promise<R> => {
    const request = directRequest(input?.requestId, method, params, input?.meta, input);
    const handler = methods.get(method) as NonNullable<ReturnType<typeof methods.get>>;
    let answers = input?.input;
    for (let round = 1; ; round++) {
      const ctx = completeContext(request, input, readOwn, answers);
      try {
        return (await handler(params, ctx)) as R;
      } catch (error) {
        if (!isInputRequired(error)) throw error;
        if (round >= rounds.maxRounds) throw tooManyRounds(method, rounds.maxRounds);
        answers = { responses: await fulfilInput(error, ctx), state: error.state };
      }
    }
  };
  const all =
    <T>(key: string, method: string) =>
    async (input?: ContextInput): Promise<readonly T[]> => {
      const items: T[] = [];
      let cursor: string | undefined;
      do {
        const result = await call<Record<string, unknown>>(method, cursor ? { cursor } : {}, input);
        items.push(...(result[key] as T[]));
        cursor = result.nextCursor as string | undefined;
      } while (cursor);
      return items;
    };

  return deepFreeze({
    kind: 'server',
    info: serverInfo,
    instructions,
    capabilities,
    components: registry.components,
    options,
    handle: handleRaw(dispatch),
    dispatch,
    hasMethod: (method: string, era: Era = 'legacy') => servesMethod(methods, method, era),
    listTools: all<Tool>('tools', 'tools/list'),
    callTool: (name: string, args?: Record<string, unknown>, ctx?: ContextInput) =>
      call<CallToolResult>('tools/call', { name, arguments: args }, ctx),
    listResources: all<Resource>('resources', 'resources/list'),
    listResourceTemplates: all<ResourceTemplate>('resourceTemplates', 'resources/templates/list'),
    readResource: (uri: string, ctx?: ContextInput) => call<ReadResourceResult>('resources/read', { uri }, ctx),
    listPrompts: all<Prompt>('prompts', 'prompts/list'),
    getPrompt: (name: string, args?: Record<string, string>, ctx?: ContextInput) =>
      call<GetPromptResult>('prompts/get', { name, arguments: args }, ctx),
    onListChanged,
    complete: async (ref, argument, context, ctx) =>
      (await call<CompleteResult>('completion/complete', { ref, argument, context }, ctx)).completion,
  } satisfies Server);
};
