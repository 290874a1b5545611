import { createServer, createTestContext, type Lifespan, tool } from '@mcpkit/core';
import { lifespanOf } from '@mcpkit/runtime';
import { describe, expect, it } from 'vitest';

const db: Lifespan<{ query: () => string }> = async () => ({ value: { query: () => 'real row' } });
const cache: Lifespan<string> = async () => ({ value: 'real cache' });

const server = createServer(
  { name: 'lifespans', version: '1' },
  [
    tool({ name: 'rows', run: (_args, ctx) => lifespanOf(ctx, db).query() }),
    tool({ name: 'primary', run: (_args, ctx) => lifespanOf<string>(ctx) }),
  ],
  { lifespan: cache },
);

const text = (result: { content: readonly unknown[] }) => (result.content[0] as { text: string }).text;

describe('createTestContext({ lifespan, lifespans })', () => {
  it('supplies the values lifespanOf(ctx) and lifespanOf(ctx, hook) return', async () => {
    const ctx = createTestContext({ lifespan: 'fake cache', lifespans: [[db, { query: () => 'fake row' }]] });
    expect(text(await server.callTool('rows', {}, ctx))).toBe('fake row');
    expect(text(await server.callTool('primary', {}, ctx))).toBe('fake cache');
    const map = createTestContext({ lifespans: new Map([[db, { query: () => 'from a map' }]]) });
    expect(text(await server.callTool('rows', {}, map))).toBe('from a map');
  });

  it('fails clearly when the test supplied no value for the hook', async () => {
    const result = await server.callTool('rows', {}, createTestContext());
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/that hook was not started/);
    const primary = await server.callTool('primary', {}, createTestContext({ lifespans: [[db, {}]] }));
    expect(text(primary)).toMatch(/createTestContext\(\{ lifespan \}\)/);
  });
});
