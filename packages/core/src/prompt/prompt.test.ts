import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createServer, embedded, image, prompt } from '../index.js';

const serve = (...components: Parameters<typeof createServer>[1]) =>
  createServer({ name: 't', version: '1' }, components);

describe('prompt()', () => {
  test('lists its arguments from the args schema', async () => {
    const analyze = prompt({
      name: 'analyze',
      description: 'Analyze data',
      args: v.object({
        data: v.pipe(v.string(), v.description('What to analyze')),
        depth: v.optional(v.number()),
      }),
      render: ({ data }) => `Please analyze ${data}`,
    });
    expect(analyze.kind).toBe('prompt');
    expect(Object.isFrozen(analyze.arguments)).toBe(true);
    expect(await serve(analyze).listPrompts()).toEqual([
      {
        name: 'analyze',
        description: 'Analyze data',
        arguments: [
          { name: 'data', description: 'What to analyze', required: true },
          { name: 'depth', required: false },
        ],
      },
    ]);
  });

  test('construction fails early: args must be an object schema; names are required', () => {
    expect(() => prompt({ name: 'p', args: v.string() as never, render: () => '' })).toThrow(
      /Prompt 'p' args must be an object schema/,
    );
    expect(() => prompt({ name: '', render: () => '' })).toThrow(/non-empty name/);
    expect(() =>
      prompt({ name: 'p', args: v.object({ a: v.string() }), complete: { b: () => [] } as never, render: () => '' }),
    ).toThrow(/cannot complete unknown argument 'b'/);
  });
});

describe('prompts/get', () => {
  test('a string renders as one user message', async () => {
    const hello = prompt({ name: 'hello', description: 'Greets', render: () => 'Hi!' });
    expect(await serve(hello).getPrompt('hello')).toEqual({
      description: 'Greets',
      messages: [{ role: 'user', content: { type: 'text', text: 'Hi!' } }],
    });
  });

  test('messages with roles and image or embedded content', async () => {
    const chat = prompt({
      name: 'chat',
      render: () => [
        'Look at this:',
        { role: 'user', content: image('AAAA', 'image/png') },
        { role: 'assistant', content: 'I see a picture.' },
        { role: 'user', content: embedded({ uri: 'data://notes', text: 'notes' }) },
      ],
    });
    expect((await serve(chat).getPrompt('chat')).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Look at this:' } },
      { role: 'user', content: { type: 'image', data: 'AAAA', mimeType: 'image/png' } },
      { role: 'assistant', content: { type: 'text', text: 'I see a picture.' } },
      { role: 'user', content: { type: 'resource', resource: { uri: 'data://notes', text: 'notes' } } },
    ]);
  });

  test('string arguments are decoded as JSON for non-string schema types', async () => {
    const stats = prompt({
      name: 'stats',
      args: v.object({ points: v.array(v.number()), label: v.string(), strict: v.optional(v.boolean()) }),
      render: ({ points, label, strict }) => `${label}: ${points.reduce((a, b) => a + b, 0)} ${strict ?? 'lenient'}`,
    });
    const result = await serve(stats).getPrompt('stats', { points: '[1,2,3]', label: '42', strict: 'true' });
    expect(result.messages[0]?.content).toEqual({ type: 'text', text: '42: 6 true' });
  });

  test('missing or invalid arguments are -32602 naming the field', async () => {
    const analyze = prompt({ name: 'analyze', args: v.object({ data: v.string() }), render: ({ data }) => data });
    const server = serve(analyze);
    const missing = await server.handle({ jsonrpc: '2.0', id: 1, method: 'prompts/get', params: { name: 'analyze' } });
    expect(missing).toMatchObject({
      error: {
        code: -32602,
        message: expect.stringMatching(/^Invalid arguments for prompt 'analyze': data: Invalid key/),
      },
    });
    const unknown = await server.handle({ jsonrpc: '2.0', id: 2, method: 'prompts/get', params: { name: 'nope' } });
    expect(unknown).toMatchObject({ error: { code: -32602, message: 'Unknown prompt: "nope"' } });
  });

  test('a failing render is an internal error', async () => {
    const broken = prompt({
      name: 'broken',
      render: () => {
        throw new Error('template missing');
      },
    });
    const response = await serve(broken).handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'prompts/get',
      params: { name: 'broken' },
    });
    expect(response).toMatchObject({
      error: { code: -32603, message: "Error rendering prompt 'broken': template missing" },
    });
  });
});
