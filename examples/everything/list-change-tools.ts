import { createServer, type ListKind, mount, type Provider, tool } from '@mcpkit/core';

/**
 * `test_trigger_tool_change` and `test_trigger_prompt_change`: each call
 * announces that the tool (or prompt) list changed, so the suite can watch the
 * notification reach `subscriptions/listen` streams (2026) or sessions (2025).
 * The announcement goes through an empty mount whose provider reports list
 * changes, the public way a component set tells the server its lists moved.
 */
export const listChangeTriggers = () => {
  const listeners = new Set<(kind: ListKind) => void>();
  const announce = (kind: ListKind) => {
    for (const listener of listeners) listener(kind);
  };
  const changing: Provider = {
    ...createServer({ name: 'list-changes', version: '0.0.0' }, []),
    onListChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return [
    mount(changing),
    tool({
      name: 'test_trigger_tool_change',
      description: 'Announces that the tool list changed',
      run: () => {
        announce('tools');
        return 'Mutation triggered';
      },
    }),
    tool({
      name: 'test_trigger_prompt_change',
      description: 'Announces that the prompt list changed',
      run: () => {
        announce('prompts');
        return 'Mutation triggered';
      },
    }),
  ] as const;
};
