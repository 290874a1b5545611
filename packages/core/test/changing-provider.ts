import { createServer, type ListKind, type Provider, type ToolDescriptor, tool } from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: tools of any shape
type AnyTool = ToolDescriptor<any, any>;

const defaultTool = (index: number): AnyTool =>
  tool({ name: `v${index + 1}`, run: () => (index === 0 ? 'one' : index === 1 ? 'two' : `v${index + 1}`) });

/**
 * A test provider whose tools change at run time, as a proxied remote's do:
 * `grow()` adds the next tool from `toolAt(index)` (index 0 is the initial one)
 * and `announce()` fires its list-changed listeners. Shared by core and runtime tests.
 */
export const changingProvider = (toolAt: (index: number) => AnyTool = defaultTool) => {
  let tools: AnyTool[] = [toolAt(0)];
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
      tools = [...tools, toolAt(tools.length)];
    },
    announce: () => {
      for (const listener of [...listeners]) listener('tools');
    },
  };
};
