import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, createTestContext, resource, tool } from '../index.js';

const info = { name: 't', version: '1' };

describe('createTestContext()', () => {
  test('records logs and progress', async () => {
    const work = tool({
      name: 'work',
      run: async (_a, ctx) => {
        ctx.log.info('starting');
        ctx.log.warning({ disk: 'low' }, 'storage');
        await ctx.progress(1, 2, 'half');
        await ctx.progress(2);
        return 'done';
      },
    });
    const ctx = createTestContext();
    await createServer(info, [work]).callTool('work', {}, ctx);
    expect(ctx.recorded.logs).toEqual([
      { level: 'info', data: 'starting' },
      { level: 'warning', data: { disk: 'low' }, logger: 'storage' },
    ]);
    expect(ctx.recorded.progress).toEqual([{ progress: 1, total: 2, message: 'half' }, { progress: 2 }]);
  });

  test('scripts sampling answers and records the requests', async () => {
    const haiku = tool({
      name: 'haiku',
      input: v.object({ topic: v.string() }),
      run: async ({ topic }, ctx) => {
        const answer = await ctx.sample({ messages: `Write a haiku about ${topic}`, maxTokens: 50 });
        return answer.content.type === 'text' ? answer.content.text : '';
      },
    });
    const ctx = createTestContext({ sample: (params) => `haiku (${params.maxTokens} tokens)` });
    const result = await createServer(info, [haiku]).callTool('haiku', { topic: 'sea' }, ctx);
    expect(result.content).toEqual([{ type: 'text', text: 'haiku (50 tokens)' }]);
    expect(ctx.recorded.samples[0]?.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Write a haiku about sea' } },
    ]);
  });

  test('scripts elicitation; accepted content is validated against the schema', async () => {
    const book = tool({
      name: 'book',
      run: async (_a, ctx) => {
        const outcome = await ctx.elicit({ message: 'Party size?', schema: v.object({ size: v.number() }) });
        return outcome.action === 'accept' ? `table for ${outcome.content.size}` : outcome.action;
      },
    });
    const server = createServer(info, [book]);
    const accept = createTestContext({ elicit: () => ({ action: 'accept', content: { size: 4 } }) });
    expect((await server.callTool('book', {}, accept)).content).toEqual([{ type: 'text', text: 'table for 4' }]);
    expect(accept.recorded.elicitations[0]).toEqual({
      mode: 'form',
      message: 'Party size?',
      requestedSchema: { type: 'object', properties: { size: { type: 'number' } }, required: ['size'] },
    });
    const decline = createTestContext({ elicit: () => ({ action: 'decline' }) });
    expect((await server.callTool('book', {}, decline)).content).toEqual([{ type: 'text', text: 'decline' }]);
    const wrong = createTestContext({ elicit: () => ({ action: 'accept', content: { size: 'four' } }) });
    expect(await server.callTool('book', {}, wrong)).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/elicitation answer is invalid: size/) }],
    });
  });

  test('unscripted client features fail clearly instead of hanging', async () => {
    const ctx = createTestContext();
    await expect(ctx.sample('hi')).rejects.toThrow(/Sampling was not scripted/);
    await expect(ctx.roots()).rejects.toThrow(/Roots was not scripted/);
    await expect(ctx.elicit({ message: 'x', schema: v.object({}) })).rejects.toThrow(/Elicitation was not scripted/);
  });

  test('without any context, client features explain that there is no client', async () => {
    const asks = tool({ name: 'asks', run: (_a, ctx) => ctx.sample('hi') });
    const result = await createServer(info, [asks]).callTool('asks');
    expect(result).toMatchObject({
      isError: true,
      content: [{ text: expect.stringMatching(/needs a connected client/) }],
    });
  });

  test('roots, session state and readResource', async () => {
    const server = createServer(info, [resource({ uri: 'data://x', read: () => 'x!' })]);
    const ctx = createTestContext({ roots: [{ uri: 'file:///repo', name: 'repo' }], server, sessionId: 's1' });
    expect(await ctx.roots()).toEqual([{ uri: 'file:///repo', name: 'repo' }]);
    expect(ctx.session.id).toBe('s1');
    ctx.session.state.set('k', 1);
    expect(ctx.session.state.get('k')).toBe(1);
    expect((await ctx.readResource('data://x')).contents[0]).toMatchObject({ text: 'x!' });
    await expect(createTestContext().readResource('data://x')).rejects.toThrow(/pass \{ server \}/);
  });

  test('inside a server, ctx.readResource reads that server', async () => {
    const server = createServer(info, [
      resource({ uri: 'data://greeting', read: () => 'hello' }),
      tool({ name: 'relay', run: async (_a, ctx) => (await ctx.readResource('data://greeting')).contents[0] }),
    ]);
    expect((await server.callTool('relay', {}, createTestContext())).structuredContent).toMatchObject({
      text: 'hello',
    });
  });

  test('a handler can be unit-tested directly with a test context', async () => {
    const greet = tool({
      name: 'greet',
      input: v.object({ name: v.string() }),
      run: ({ name }, ctx) => {
        ctx.log.debug(`greeting ${name}`);
        return `Hello, ${name}!`;
      },
    });
    const ctx = createTestContext();
    expect(await greet.run({ name: 'Ada' }, ctx)).toBe('Hello, Ada!');
    expect(ctx.recorded.logs).toHaveLength(1);
  });
});

describe('createTestContext({ http })', () => {
  test('gives handlers ctx.http as an HTTP transport would, and none by default', async () => {
    const server = createServer({ name: 't', version: '1' }, [
      tool({ name: 'tenant', run: (_args, ctx) => ctx.http?.headers['x-tenant'] ?? 'none' }),
    ]);
    const http = { method: 'POST', url: 'http://localhost/mcp', headers: { 'x-tenant': 'acme' } };
    expect((await server.callTool('tenant', {}, createTestContext({ http }))).content).toEqual([
      { type: 'text', text: 'acme' },
    ]);
    expect((await server.callTool('tenant', {}, createTestContext())).content).toEqual([
      { type: 'text', text: 'none' },
    ]);
  });
});
