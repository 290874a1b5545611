import { createServer, type Lifespan, prompt, resource, tool } from '@mcpkit/core';
import { connect, lifespanOf } from '@mcpkit/runtime';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const events: string[] = [];
const db: Lifespan<{ query: () => string }> = async () => {
  events.push('start');
  return { value: { query: () => 'row' }, close: () => void events.push('stop') };
};

const server = createServer(
  { name: 'memory', version: '1.2.3' },
  [
    tool({
      name: 'add',
      input: v.object({ a: v.number(), b: v.number() }),
      output: v.object({ sum: v.number() }),
      run: async ({ a, b }, ctx) => {
        ctx.log.info(`adding ${a} and ${b}`);
        await ctx.progress(1, 1);
        return { sum: a + b };
      },
    }),
    tool({ name: 'query', run: (_args, ctx) => lifespanOf(ctx, db).query() }),
    tool({ name: 'haiku', run: async (_args, ctx) => (await ctx.sample('a haiku')).content }),
    tool({
      name: 'ask',
      run: async (_args, ctx) => {
        const outcome = await ctx.elicit({ message: 'Name?', schema: v.object({ name: v.string() }) });
        return outcome.action === 'accept' ? `hello ${outcome.content.name}` : outcome.action;
      },
    }),
    tool({ name: 'where', run: async (_args, ctx) => (await ctx.roots()).map((root) => root.uri).join(',') }),
    tool({
      name: 'hide',
      run: (_args, ctx) => {
        ctx.session.disable({ names: ['add'] });
        return 'hidden';
      },
    }),
    resource({ uri: 'data://config', read: () => ({ theme: 'dark' }) }),
    prompt({ name: 'greet', args: v.object({ who: v.string() }), render: ({ who }) => `Hello ${who}` }),
  ],
  { lifespan: db },
);

const text = (result: Record<string, unknown>) => (result.content as { type: string; text: string }[])[0]?.text;

describe('connect(server) in memory', () => {
  it('initializes a real client through the session layer, with typed results, and starts and stops the lifespan', async () => {
    events.length = 0;
    const connection = await connect(server);
    expect(events).toEqual(['start']);
    const { client } = connection;
    expect(client.getServerVersion()).toEqual({ name: 'memory', version: '1.2.3' });
    expect(client.getServerCapabilities()?.tools).toBeDefined();
    const progress: number[] = [];
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(result.structuredContent).toEqual({ sum: 5 });
    expect(progress).toEqual([1]);
    expect(text(await client.callTool({ name: 'query' }))).toBe('row');
    expect((await client.readResource({ uri: 'data://config' })).contents[0]).toMatchObject({
      text: JSON.stringify({ theme: 'dark' }),
    });
    expect((await client.getPrompt({ name: 'greet', arguments: { who: 'Ada' } })).messages[0]?.content).toEqual({
      type: 'text',
      text: 'Hello Ada',
    });
    await connection.close();
    await connection.close();
    expect(events).toEqual(['start', 'stop']);
    expect(connection.hub.sessions.size).toBe(0);
  });

  it('answers sampling, elicitation and roots with the handlers given', async () => {
    await using connection = await connect(server, {
      sample: (params) => `haiku for ${JSON.stringify(params.messages)}`,
      elicit: () => ({ action: 'accept', content: { name: 'Ada' } }),
      roots: [{ uri: 'file:///work', name: 'work' }],
    });
    const { client, session } = connection;
    const haiku = await client.callTool({ name: 'haiku' });
    expect(JSON.stringify(haiku.content)).toContain('haiku for [');
    expect(text(await client.callTool({ name: 'ask' }))).toBe('hello Ada');
    expect(text(await client.callTool({ name: 'where' }))).toBe('file:///work');
    expect(session.initialized).toBe(true);
  });

  it('fails sampling as with a client that lacks it when no handler is given', async () => {
    await using connection = await connect(server);
    const result = await connection.client.callTool({ name: 'haiku' });
    expect(result.isError).toBe(true);
  });

  it('records the notifications the server sends, list changes included', async () => {
    await using connection = await connect(server);
    const { client, notifications } = connection;
    await client.setLoggingLevel('info');
    await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    expect(text(await client.callTool({ name: 'hide' }))).toBe('hidden');
    expect(notifications.map((n) => n.method)).toEqual(
      expect.arrayContaining(['notifications/message', 'notifications/tools/list_changed']),
    );
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain('add');
  });

  it('rejects a bad request with a protocol error and keeps serving', async () => {
    await using connection = await connect(server);
    await expect(connection.client.callTool({ name: 'nope' })).rejects.toThrow(/nope/);
    await expect(connection.client.readResource({ uri: 'data://missing' })).rejects.toThrow();
    expect(text(await connection.client.callTool({ name: 'query' }))).toBe('row');
  });
});
