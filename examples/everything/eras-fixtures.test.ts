import { createTestContext, type ListKind } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import server from './server.js';

/** The fixtures the 2026-07-28 conformance scenarios call, through the server's public API. */

const textOf = (result: { content: readonly { type: string; text?: string }[] }): string =>
  result.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');

describe('test_missing_capability', () => {
  it('refuses a client without sampling with -32021 naming the capability', async () => {
    const call = server.callTool('test_missing_capability', {}, createTestContext({ clientCapabilities: {} }));
    await expect(call).rejects.toMatchObject({ code: -32021, data: { requiredCapabilities: { sampling: {} } } });
  });

  it('succeeds for a client that declares sampling', async () => {
    const result = await server.callTool(
      'test_missing_capability',
      {},
      createTestContext({ clientCapabilities: { sampling: {} } }),
    );
    expect(textOf(result)).toBe('Success');
  });
});

describe('test_streaming_elicitation and test_logging_tool', () => {
  it('reports progress on its own stream and asks the client nothing', async () => {
    const ctx = createTestContext();
    expect(textOf(await server.callTool('test_streaming_elicitation', {}, ctx))).toBe('Streaming complete');
    expect(ctx.recorded.progress).toEqual([{ progress: 50, total: 100 }]);
    expect(ctx.recorded.elicitations).toEqual([]);
    expect(ctx.recorded.samples).toEqual([]);
  });

  it('logs one info message', async () => {
    const ctx = createTestContext();
    expect(textOf(await server.callTool('test_logging_tool', {}, ctx))).toBe('Logging evaluated');
    expect(ctx.recorded.logs).toEqual([{ level: 'info', data: 'Diagnostic trace logging activated' }]);
  });
});

describe('test_trigger_tool_change and test_trigger_prompt_change', () => {
  it('announce the tool and prompt list changes to the server', async () => {
    const heard: ListKind[] = [];
    const stop = server.onListChanged((kind) => heard.push(kind));
    try {
      expect(textOf(await server.callTool('test_trigger_tool_change'))).toBe('Mutation triggered');
      expect(textOf(await server.callTool('test_trigger_prompt_change'))).toBe('Mutation triggered');
      expect(heard).toEqual(['tools', 'prompts']);
    } finally {
      stop();
    }
    await server.callTool('test_trigger_tool_change');
    expect(heard).toEqual(['tools', 'prompts']);
  });
});

describe('test_custom_header (SEP-2243)', () => {
  it('lists a string argument mirrored into Mcp-Param-Region, and echoes it', async () => {
    const listed = (await server.listTools()).find((t) => t.name === 'test_custom_header');
    expect(listed?.inputSchema).toMatchObject({
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
      required: ['region'],
    });
    expect(textOf(await server.callTool('test_custom_header', { region: 'us-west1' }))).toBe('Region: us-west1');
  });
});
