import { outwardName, type Server } from '@mcpkit/core';
import { type HeaderParamsLookup, headerParamsLookup, type ToolHeaderSource } from './header-params-lookup.js';

/** The `x-mcp-header` arguments of a served server's tools, kept current. */
export interface ServerHeaderParams {
  /** The current index; built on first use and again after the server's tool list changed. */
  readonly current: () => Promise<HeaderParamsLookup>;
  /** The index when it is built and current (no waiting on the hot path); undefined until then. */
  readonly ready: () => HeaderParamsLookup | undefined;
  /** Stops following the server's list changes. */
  readonly stop: () => void;
}

const NONE = headerParamsLookup([]);

/**
 * The server's own tools (whatever their access rules), then what each mount's
 * provider lists, under the names the server's clients call them by. Read from
 * the components, not through `tools/list`, so the server's middleware never
 * sees a request no client sent. Own tools win over mounted ones, as in calls.
 */
const toolsOf = async (server: Server): Promise<ToolHeaderSource[]> => {
  const tools: ToolHeaderSource[] = [];
  const names = new Set<string>();
  const add = (tool: ToolHeaderSource) => {
    if (names.has(tool.name)) return;
    names.add(tool.name);
    tools.push(tool);
  };
  for (const c of server.components) if (c.kind === 'tool') add({ name: c.name, inputSchema: c.inputSchema });
  for (const c of server.components) {
    if (c.kind !== 'mount') continue;
    for (const tool of await c.provider.listTools()) add({ ...tool, name: outwardName(c.layers, tool.name) });
  }
  return tools;
};

/**
 * Follows `server`'s tool list for the HTTP gate's `Mcp-Param-*` checks: the
 * index is built once, on the first modern `tools/call`, and rebuilt after
 * `server.onListChanged` reports a tools change. A list that cannot be read
 * (a mount's remote is down) checks no parameter headers and is retried on
 * the next call.
 */
export const serverHeaderParams = (server: Server): ServerHeaderParams => {
  let built: Promise<HeaderParamsLookup> | undefined;
  let settled: HeaderParamsLookup | undefined;
  let unfollow: (() => void) | undefined;
  const stop = () => {
    unfollow?.();
    unfollow = undefined;
  };
  const current = () => {
    // Followed from the first call on: an endpoint that never sees a modern tools/call costs nothing.
    unfollow ??= server.onListChanged((kind) => {
      if (kind !== 'tools') return;
      built = undefined;
      settled = undefined;
    });
    if (!built) {
      const building = toolsOf(server).then(headerParamsLookup);
      built = building;
      building.then(
        (lookup) => {
          if (built === building) settled = lookup;
        },
        () => {
          if (built === building) built = undefined;
        },
      );
    }
    return built.catch(() => NONE);
  };
  return Object.freeze({ current, ready: () => settled, stop });
};
