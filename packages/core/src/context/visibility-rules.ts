import type { ComponentRef, ComponentSelector, ListKind } from './component-ref.js';
import { listsOf } from './component-ref.js';

/** One enable (`enabled: true`) or disable rule of a session. */
export interface VisibilityRule {
  readonly enabled: boolean;
  readonly selector: ComponentSelector;
}

/**
 * The `isEnabled` of a session that hides nothing. Core compares against it
 * to skip filtering (and caches to apply), so sessions return this very
 * function while they have no rules.
 */
export const everythingEnabled = (_component: ComponentRef): boolean => true;

/** Whether `selector` names the component (by key) or one of its tags. */
export const selects = (selector: ComponentSelector, ref: ComponentRef): boolean =>
  (selector.names?.includes(ref.key) ?? false) || (selector.tags?.some((tag) => ref.tags.includes(tag)) ?? false);

/** The last rule naming the component decides; with none, it is enabled. */
export const isEnabledUnder = <R extends { readonly selector: ComponentSelector }>(
  rules: readonly R[],
  ref: ComponentRef,
  enabled: (rule: R) => boolean = (rule) => (rule as unknown as VisibilityRule).enabled,
): boolean => {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as R;
    if (selects(rule.selector, ref)) return enabled(rule);
  }
  return true;
};

/** One session's enable/disable rules over a server's components. */
export interface Visibility {
  /** The session's `isEnabled`: {@link everythingEnabled} while no rule exists, so core skips filtering. */
  readonly isEnabled: () => (ref: ComponentRef) => boolean;
  /** Records a rule and returns the lists whose content changed. */
  readonly apply: (enabled: boolean, selector: ComponentSelector) => Set<ListKind>;
}

/**
 * Compiles the visibility rules of one session (`rules`, appended to in
 * place, so a stored record stays current) over the server's components.
 */
export const createVisibility = (refs: readonly ComponentRef[], rules: VisibilityRule[]): Visibility => {
  const check = (ref: ComponentRef): boolean => isEnabledUnder(rules, ref);
  return {
    isEnabled: () => (rules.length === 0 ? everythingEnabled : check),
    apply: (enabled, selector) => {
      const before = refs.map(check);
      rules.push({ enabled, selector });
      const changed = new Set<ListKind>();
      refs.forEach((ref, i) => {
        if (before[i] === check(ref)) return;
        for (const list of listsOf(ref.kind)) changed.add(list);
      });
      return changed;
    },
  };
};
