import { createTestContext } from '@mcpkit/core';
import { describe, expect, test } from 'vitest';
import server, { add, divide } from './server.js';

describe('quickstart server', () => {
  test('a handler is a plain function: call it with a test context', async () => {
    expect(await add.run({ a: 2, b: 3 }, createTestContext())).toEqual({ sum: 5 });
  });

  test('the server answers like an MCP client would see it', async () => {
    expect(await server.callTool('add', { a: 2, b: 3 })).toEqual({
      content: [{ type: 'text', text: '{"sum":5}' }],
      structuredContent: { sum: 5 },
    });
  });

  test('bad input is a tool error the model can correct', async () => {
    const result = await server.callTool('add', { a: 'two', b: 3 });
    expect(result.isError).toBe(true);
  });

  test('logs and progress are recorded', async () => {
    const ctx = createTestContext();
    await divide.run({ a: 6, b: 3 }, ctx);
    expect(ctx.recorded.logs).toEqual([{ level: 'info', data: 'dividing 6 by 3' }]);
    expect(ctx.recorded.progress).toEqual([{ progress: 1, total: 1 }]);
    expect(await server.callTool('divide', { a: 1, b: 0 })).toMatchObject({
      isError: true,
      content: [{ text: 'Cannot divide by zero: pass a non-zero b' }],
    });
  });

  test('resources, templates and prompts', async () => {
    expect((await server.readResource('data://config')).contents[0]).toMatchObject({ mimeType: 'application/json' });
    expect((await server.readResource('users://1/profile')).contents[0]).toMatchObject({
      text: '{"id":"1","name":"Ada","role":"admin"}',
    });
    await expect(server.readResource('users://9/profile')).rejects.toThrow(/Invalid parameters/);
    expect((await server.listResources()).map((r) => r.uri)).toEqual([
      'data://config',
      'users://1/profile',
      'users://2/profile',
    ]);
    expect(
      await server.complete({ type: 'ref/resource', uri: 'users://{id}/profile' }, { name: 'id', value: '' }),
    ).toMatchObject({
      values: ['1', '2'],
    });
    const rendered = await server.getPrompt('analyze', { data: '1, 2, 3' });
    expect(rendered.messages[0]?.content).toMatchObject({ type: 'text' });
  });
});
