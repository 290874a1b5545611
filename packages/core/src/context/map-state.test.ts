import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/create-test-context.js';
import { mapStateMethods } from './map-state.js';

describe('mapStateMethods', () => {
  it('reads and writes the Map itself, values as they are', async () => {
    const state = new Map<string, unknown>();
    const methods = mapStateMethods(() => state);
    const value = { live: true };
    await methods.setState('k', value);
    expect(state.get('k')).toBe(value);
    expect(await methods.getState('k')).toBe(value);
    expect(await methods.deleteState('k')).toBe(true);
    expect(await methods.deleteState('k')).toBe(false);
    expect(await methods.getState('k')).toBeUndefined();
  });

  it('backs ctx.session.getState/setState in test contexts, over the same state as ctx.session.state', async () => {
    const ctx = createTestContext();
    await ctx.session.setState('n', 2);
    expect(ctx.session.state.get('n')).toBe(2);
    ctx.session.state.set('m', 3);
    expect(await ctx.session.getState('m')).toBe(3);
  });
});
