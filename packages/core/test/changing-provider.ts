import { createServer, type ListKind, type Provider, type ToolDescriptor, tool } from '../src/index.js';

/**
 * A test provider whose tools change at run time, as a proxied remote's do:
 * `grow()` adds a tool, `announce()` fires its list-changed listeners.
 */
export const changingProvider = () => {
  // biome-ignore lint/suspicious/noExplicitAny: tools of any shape
  let tools: ToolDescriptor<any, any>[] = [tool({ name: 'v1', run: () => 'one' })];
  const listeners = new Set<(kind: ListKind) => void>();
  const current = () => createServer({ name: 'changing', version: '1' }, tools);
  const provider: Provider = {
    listTools: (ctx) => current().listTools(ctx),
    callTool: (name, args, ctx) => current().callTool(name, args, ctx),
    listResources: (ctx) => current().listResources(ctx),
    listResourceTemplates: (ctx) => current().listResourceTemplates(ctx),
    readResource: (uri, ctx) => current().readResource(uri, ctx),
    listPrompts: (ctx) => current().listPrompts(ctx),
    getPrompt: (name, args, ctx) => current().getPrompt(name, args, ctx),
    complete: (ref, argument, context, ctx) => current().complete(ref, argument, context, ctx),
    onListChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    provider,
    listeners,
    grow: () => {
      tools = [...tools, tool({ name: 'v2', run: () => 'two' })];
    },
    announce: () => {
      for (const listener of listeners) listener('tools');
    },
  };
};
