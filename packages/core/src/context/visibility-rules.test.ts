import { describe, expect, test } from 'vitest';
import type { ComponentRef } from './component-ref.js';
import { createVisibility, everythingEnabled, isEnabledUnder, type VisibilityRule } from './visibility-rules.js';

const search: ComponentRef = { kind: 'tool', key: 'search', tags: ['web'] };
const report: ComponentRef = { kind: 'prompt', key: 'report', tags: [] };
const config: ComponentRef = { kind: 'resource', key: 'data://config', tags: ['web'] };
const remote: ComponentRef = { kind: 'mount', key: 'mount:remote', tags: ['remote'] };

describe('visibility rules', () => {
  test('the last rule naming a component (by key or tag) decides; none names it: enabled', () => {
    const rules: VisibilityRule[] = [
      { enabled: false, selector: { tags: ['web'] } },
      { enabled: true, selector: { names: ['search'] } },
    ];
    expect(isEnabledUnder(rules, search)).toBe(true);
    expect(isEnabledUnder(rules, config)).toBe(false);
    expect(isEnabledUnder(rules, report)).toBe(true);
  });

  test('a session without rules answers everythingEnabled; apply reports the lists whose content changed', () => {
    const rules: VisibilityRule[] = [];
    const visibility = createVisibility([search, report, config, remote], rules);
    expect(visibility.isEnabled()).toBe(everythingEnabled);
    expect([...visibility.apply(false, { tags: ['web'] })].sort()).toEqual(['resources', 'tools']);
    expect(rules).toHaveLength(1);
    expect(visibility.isEnabled()(search)).toBe(false);
    expect([...visibility.apply(false, { tags: ['web'] })]).toEqual([]);
    // A mount may hold any kind: all its lists change.
    expect([...visibility.apply(false, { tags: ['remote'] })].sort()).toEqual(['prompts', 'resources', 'tools']);
  });
});
