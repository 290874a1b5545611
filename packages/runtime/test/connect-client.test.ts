import { createServer, type Lifespan, tool } from '@mcpkit/core';
import { connectClient, lifespanOf } from '@mcpkit/runtime';
import { Client as ModernClient } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const events: string[] = [];
const greeting: Lifespan<string> = async () => {
  events.push('start');
  return { value: 'hello', close: () => void events.push('stop') };
};

const server = createServer(
  { name: 'in-memory', version: '1.0.0' },
  [
    tool({
      name: 'add',
      input: v.object({ a: v.number(), b: v.number() }),
      output: v.object({ sum: v.number() }),
      run: ({ a, b }) => ({ sum: a + b }),
    }),
    tool({ name: 'greet', run: (_args, ctx) => `${lifespanOf(ctx, greeting)} from the lifespan` }),
    tool({
      name: 'ask',
      run: async (_args, ctx) => {
        const outcome = await ctx.elicit({ message: 'Name?', schema: v.object({ name: v.string() }) });
        return outcome.action === 'accept' ? `hello ${outcome.content.name}` : outcome.action;
      },
    }),
  ],
  { lifespan: greeting },
);

describe('connectClient', () => {
  it('connects the SDK v2 client in the 2026-07-28 era: tools, the lifespan, an elicitation round, errors', async () => {
    events.length = 0;
    const client = new ModernClient(
      { name: 'modern-test', version: '1' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } }, capabilities: { elicitation: {} } },
    );
    const asked: string[] = [];
    client.setRequestHandler('elicitation/create', async (request) => {
      asked.push(request.params.message);
      return { action: 'accept', content: { name: 'Ada' } };
    });
    const connection = await connectClient(server, client);
    expect(client.getProtocolEra()).toBe('modern');
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(events).toEqual(['start']);

    const added = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(added.structuredContent).toEqual({ sum: 5 });
    expect((await client.callTool({ name: 'greet', arguments: {} })).content).toEqual([
      { type: 'text', text: 'hello from the lifespan' },
    ]);
    expect((await client.callTool({ name: 'ask', arguments: {} })).content).toEqual([
      { type: 'text', text: 'hello Ada' },
    ]);
    expect(asked).toEqual(['Name?']);
    expect((await client.callTool({ name: 'add', arguments: { a: 'two', b: 3 } })).isError).toBe(true);
    await expect(client.callTool({ name: 'missing', arguments: {} })).rejects.toThrow(/missing/);

    await connection.close();
    await connection.close();
    expect(events).toEqual(['start', 'stop']);
    await expect(client.callTool({ name: 'add', arguments: { a: 1, b: 1 } })).rejects.toThrow();
  });

  it('connects the SDK v1 client in the 2025 era, and disposes with await using', async () => {
    events.length = 0;
    {
      await using connection = await connectClient(server, new Client({ name: 'v1-test', version: '1' }));
      expect(connection.client.getServerVersion()).toMatchObject({ name: 'in-memory' });
      const result = await connection.client.callTool({ name: 'add', arguments: { a: 40, b: 2 } });
      expect(result.structuredContent).toEqual({ sum: 42 });
      expect(events).toEqual(['start']);
    }
    expect(events).toEqual(['start', 'stop']);
  });
});
