import { afterEach, describe, expect, it, vi } from 'vitest';
import everything from '../../../examples/everything/server.js';
import { createCleanup } from './http-helpers.js';
import { connectSdkV2Client, type V2Transport } from './sdk-v2-helpers.js';

/** The SDK v2 client (@modelcontextprotocol/client 2.x) against mcpkit, in legacy mode, on every transport. */

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const transports: readonly V2Transport[] = ['http', 'stateless', 'stdio'];

describe.each(transports)('SDK v2 client, legacy mode, over %s', (transport) => {
  it('negotiates 2025-11-25, lists the tools and calls one', async () => {
    const { client, protocolVersion, era } = await connectSdkV2Client(cleanup, transport, 'legacy', everything);
    expect(protocolVersion).toBe('2025-11-25');
    expect(era).toBe('legacy');
    expect(client.getServerVersion()).toMatchObject({ name: 'mcpkit-everything', version: '0.1.0' });

    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['test_simple_text', 'test_tool_with_progress', 'json_schema_2020_12_tool']),
    );
    expect(names).toHaveLength((await everything.listTools()).length);

    const result = await client.callTool({ name: 'test_simple_text', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'This is a simple text response for testing.' }]);

    const failed = await client.callTool({ name: 'test_error_handling', arguments: {} });
    expect(failed.isError).toBe(true);
    await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toThrow(/no_such_tool/);
  });
});

describe.each(['http', 'stdio'] as const)(
  'SDK v2 client, legacy mode, over %s: requests to the client',
  (transport) => {
    it('answers an elicitation and a sampling request from a tool', async () => {
      const asked: string[] = [];
      const { client } = await connectSdkV2Client(cleanup, transport, 'legacy', everything, {
        capabilities: { elicitation: {}, sampling: {} },
        setup: (c) => {
          c.setRequestHandler('elicitation/create', async (request) => {
            asked.push(`elicit: ${request.params.message}`);
            return { action: 'accept', content: { username: 'ada', email: 'ada@example.com' } };
          });
          c.setRequestHandler('sampling/createMessage', async (request) => {
            asked.push(`sample: ${request.params.maxTokens}`);
            return {
              role: 'assistant',
              content: { type: 'text', text: 'Paris' },
              model: 'test-model',
              stopReason: 'endTurn',
            };
          });
        },
      });
      const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
      expect(elicited.content).toEqual([
        { type: 'text', text: 'User response: action=accept, content={"username":"ada","email":"ada@example.com"}' },
      ]);
      const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'Capital of France?' } });
      expect(sampled.content).toEqual([{ type: 'text', text: 'LLM response: Paris' }]);
      expect(asked).toEqual(['elicit: Who are you?', 'sample: 100']);
    });
  },
);

describe.each(['http', 'stdio'] as const)('SDK v2 client, legacy mode, over %s: list changes', (transport) => {
  it('hears the tool and prompt lists change', async () => {
    const heard: string[] = [];
    const { client } = await connectSdkV2Client(cleanup, transport, 'legacy', everything, {
      setup: (c) => {
        c.setNotificationHandler('notifications/tools/list_changed', () => {
          heard.push('tools');
        });
        c.setNotificationHandler('notifications/prompts/list_changed', () => {
          heard.push('prompts');
        });
      },
    });
    await client.callTool({ name: 'test_trigger_tool_change', arguments: {} });
    await client.callTool({ name: 'test_trigger_prompt_change', arguments: {} });
    await vi.waitFor(() => expect(heard).toEqual(['tools', 'prompts']));
  });
});
