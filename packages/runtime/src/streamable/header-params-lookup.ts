import { type HeaderParam, headerParamsOf } from './header-params.js';

/** A listed tool, as far as header arguments go. */
export interface ToolHeaderSource {
  readonly name: string;
  readonly inputSchema?: unknown;
}

/** Header arguments by tool name, plus the tools whose annotations are invalid. */
export interface HeaderParamsLookup {
  /** The classifier's `headerParams`: a tool's `x-mcp-header` arguments, or undefined (none, unknown or invalid). */
  readonly lookup: (toolName: string) => readonly HeaderParam[] | undefined;
  /** Tools clients will drop because of their `x-mcp-header` annotations: warn about them, or refuse them. */
  readonly invalid: readonly { readonly name: string; readonly problem: string }[];
}

/**
 * Indexes the `x-mcp-header` arguments of a tool list once (rebuild it when the
 * list changes), so checking a call's `Mcp-Param-*` headers is a map lookup.
 */
export const headerParamsLookup = (tools: readonly ToolHeaderSource[]): HeaderParamsLookup => {
  const byName = new Map<string, readonly HeaderParam[]>();
  const invalid: { name: string; problem: string }[] = [];
  for (const tool of tools) {
    const found = headerParamsOf(tool.inputSchema);
    if (!found.ok) invalid.push({ name: tool.name, problem: found.problem });
    else if (found.params.length) byName.set(tool.name, found.params);
  }
  return Object.freeze({ lookup: (toolName: string) => byName.get(toolName), invalid: Object.freeze(invalid) });
};
