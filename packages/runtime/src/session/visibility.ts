import { type Component, type ComponentSelector, componentKey, everythingEnabled } from '@mcpkit/core';
import type { VisibilityRule } from './session-record.js';

/** The list a component appears in, as named by its `list_changed` notification. */
export type ListKind = 'tools' | 'resources' | 'prompts';

const matches = (selector: ComponentSelector, component: Component): boolean =>
  (selector.names?.includes(componentKey(component)) ?? false) ||
  (selector.tags?.some((tag) => component.tags.includes(tag)) ?? false);

const listOf = (component: Component): ListKind =>
  component.kind === 'tool' ? 'tools' : component.kind === 'prompt' ? 'prompts' : 'resources';

/** One session's enable/disable rules; the last rule matching a component wins. */
export interface Visibility {
  /** Everything-visible sentinel while no rule exists, so core skips filtering. */
  readonly isEnabled: () => (component: Component) => boolean;
  /** Records a rule and returns the lists whose content changed. */
  readonly apply: (enabled: boolean, selector: ComponentSelector) => Set<ListKind>;
}

/** Compiles the visibility rules of one session (its record's, appended to in place) over the server's components. */
export const createVisibility = (components: readonly Component[], rules: VisibilityRule[]): Visibility => {
  const check = (component: Component): boolean => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i] as VisibilityRule;
      if (matches(rule.selector, component)) return rule.enabled;
    }
    return true;
  };
  return {
    isEnabled: () => (rules.length === 0 ? everythingEnabled : check),
    apply: (enabled, selector) => {
      const before = components.map(check);
      rules.push({ enabled, selector });
      const changed = new Set<ListKind>();
      components.forEach((component, i) => {
        if (before[i] !== check(component)) changed.add(listOf(component));
      });
      return changed;
    },
  };
};
