import { createTestContext } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import server from './server.js';

const textOf = (result: { content: readonly { type: string; text?: string }[] }): string =>
  result.content.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('\n');

describe('everything server', () => {
  it('lists the conformance tools, each with a description', async () => {
    const tools = await server.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        'json_schema_2020_12_tool',
        'test_audio_content',
        'test_elicitation',
        'test_elicitation_sep1034_defaults',
        'test_elicitation_sep1330_enums',
        'test_embedded_resource',
        'test_error_handling',
        'test_image_content',
        'test_multiple_content_types',
        'test_sampling',
        'test_simple_text',
        'test_tool_with_logging',
        'test_tool_with_progress',
        'test_missing_capability',
        'test_streaming_elicitation',
        'test_logging_tool',
        'test_custom_header',
        'test_trigger_tool_change',
        'test_trigger_prompt_change',
        'test_input_required_result_elicitation',
        'test_input_required_result_sampling',
        'test_input_required_result_list_roots',
        'test_input_required_result_request_state',
        'test_input_required_result_multiple_inputs',
        'test_input_required_result_multi_round',
        'test_input_required_result_tampered_state',
        'test_input_required_result_capabilities',
      ].sort(),
    );
    for (const t of tools) expect(t.description).toBeTruthy();
  });

  it('returns the simple text, image, audio and embedded resource contents', async () => {
    expect((await server.callTool('test_simple_text')).content).toEqual([
      { type: 'text', text: 'This is a simple text response for testing.' },
    ]);
    const [img] = (await server.callTool('test_image_content')).content;
    expect(img).toMatchObject({ type: 'image', mimeType: 'image/png' });
    expect(
      Buffer.from((img as { data: string }).data, 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [wav] = (await server.callTool('test_audio_content')).content;
    expect(wav).toMatchObject({ type: 'audio', mimeType: 'audio/wav' });
    const bytes = Buffer.from((wav as { data: string }).data, 'base64');
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString()).toBe('WAVE');
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect((await server.callTool('test_embedded_resource')).content).toEqual([
      {
        type: 'resource',
        resource: {
          uri: 'test://embedded-resource',
          mimeType: 'text/plain',
          text: 'This is an embedded resource content.',
        },
      },
    ]);
  });

  it('mixes text, image and resource content in one result', async () => {
    const { content } = await server.callTool('test_multiple_content_types');
    expect(content.map((block) => block.type)).toEqual(['text', 'image', 'resource']);
    expect(content[2]).toMatchObject({ resource: { text: '{"test":"data","value":123}' } });
  });

  it('reports a tool error as isError with the fixed message', async () => {
    expect(await server.callTool('test_error_handling')).toEqual({
      content: [{ type: 'text', text: 'This tool intentionally returns an error for testing' }],
      isError: true,
    });
  });

  it('logs three info messages and reports increasing progress', async () => {
    const ctx = createTestContext();
    await server.callTool('test_tool_with_logging', {}, ctx);
    expect(ctx.recorded.logs).toEqual([
      { level: 'info', data: 'Tool execution started' },
      { level: 'info', data: 'Tool processing data' },
      { level: 'info', data: 'Tool execution completed' },
    ]);
    await server.callTool('test_tool_with_progress', {}, ctx);
    expect(ctx.recorded.progress).toEqual([
      { progress: 0, total: 100 },
      { progress: 50, total: 100 },
      { progress: 100, total: 100 },
    ]);
  });

  it('puts the sampled answer in the result and asks with the prompt and maxTokens 100', async () => {
    const ctx = createTestContext({ sample: () => 'sampled words' });
    const result = await server.callTool('test_sampling', { prompt: 'Say hi' }, ctx);
    expect(textOf(result)).toBe('LLM response: sampled words');
    expect(ctx.recorded.samples).toEqual([
      { messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }], maxTokens: 100 },
    ]);
  });

  it('turns a client without sampling into a tool error', async () => {
    const result = await server.callTool('test_sampling', { prompt: 'Say hi' }, createTestContext());
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Sampling failed: /);
  });

  it('puts the elicited answer in the result', async () => {
    const ctx = createTestContext({
      elicit: () => ({ action: 'accept', content: { username: 'ada', email: 'ada@example.com' } }),
    });
    const result = await server.callTool('test_elicitation', { message: 'Who are you?' }, ctx);
    expect(textOf(result)).toBe('User response: action=accept, content={"username":"ada","email":"ada@example.com"}');
    expect(ctx.recorded.elicitations[0]).toMatchObject({
      mode: 'form',
      message: 'Who are you?',
      requestedSchema: { required: ['username', 'email'] },
    });
    const declined = createTestContext({ elicit: () => ({ action: 'decline' }) });
    expect(textOf(await server.callTool('test_elicitation', { message: 'x' }, declined))).toBe(
      'User response: action=decline, content={}',
    );
  });

  it('sends SEP-1034 defaults for every primitive type', async () => {
    const ctx = createTestContext({ elicit: () => ({ action: 'accept', content: { name: 'Jane' } }) });
    const result = await server.callTool('test_elicitation_sep1034_defaults', {}, ctx);
    expect(textOf(result)).toBe('Elicitation completed: action=accept, content={"name":"Jane"}');
    const schema = ctx.recorded.elicitations[0] as { requestedSchema: { properties: Record<string, object> } };
    expect(schema.requestedSchema.properties).toMatchObject({
      name: { type: 'string', default: 'John Doe' },
      age: { type: 'integer', default: 30 },
      score: { type: 'number', default: 95.5 },
      status: { type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' },
      verified: { type: 'boolean', default: true },
    });
  });

  it('sends the five SEP-1330 enum shapes', async () => {
    const ctx = createTestContext({ elicit: () => ({ action: 'cancel' }) });
    const result = await server.callTool('test_elicitation_sep1330_enums', {}, ctx);
    expect(textOf(result)).toBe('Elicitation completed: action=cancel, content={}');
    type Field = {
      enum?: string[];
      enumNames?: string[];
      oneOf?: object[];
      items?: { enum?: string[]; anyOf?: object[] };
    };
    const request = ctx.recorded.elicitations[0] as { requestedSchema: { properties: Record<string, Field> } };
    const properties = request.requestedSchema.properties as Record<
      'untitledSingle' | 'titledSingle' | 'legacyEnum' | 'untitledMulti' | 'titledMulti',
      Field
    >;
    expect(properties.untitledSingle).toEqual({
      type: 'string',
      description: 'Pick one (untitled)',
      enum: ['option1', 'option2', 'option3'],
    });
    expect(properties.titledSingle.oneOf).toHaveLength(3);
    expect(properties.legacyEnum.enumNames).toHaveLength(properties.legacyEnum.enum?.length ?? -1);
    expect(properties.untitledMulti.items?.enum).toEqual(['option1', 'option2', 'option3']);
    expect(properties.titledMulti.items?.anyOf?.[0]).toEqual({ const: 'value1', title: 'First Choice' });
  });

  it('reads the static, binary, template and watched resources', async () => {
    expect(await server.readResource('test://static-text')).toEqual({
      contents: [
        { uri: 'test://static-text', mimeType: 'text/plain', text: 'This is the content of the static text resource.' },
      ],
    });
    const binary = (await server.readResource('test://static-binary')).contents[0] as { blob: string };
    expect(binary).toMatchObject({ uri: 'test://static-binary', mimeType: 'image/png' });
    expect(Buffer.from(binary.blob, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const templated = (await server.readResource('test://template/123/data')).contents[0] as { text: string };
    expect(templated).toMatchObject({ uri: 'test://template/123/data', mimeType: 'application/json' });
    expect(JSON.parse(templated.text)).toEqual({ id: '123', templateTest: true, data: 'Data for ID: 123' });
    expect((await server.listResources()).map((r) => r.uri)).toContain('test://watched-resource');
    expect((await server.listResourceTemplates()).map((t) => t.uriTemplate)).toEqual(['test://template/{id}/data']);
  });

  it('renders the four prompts', async () => {
    expect((await server.getPrompt('test_simple_prompt')).messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
    ]);
    expect((await server.getPrompt('test_prompt_with_arguments', { arg1: 'hello', arg2: 'world' })).messages).toEqual([
      { role: 'user', content: { type: 'text', text: "Prompt with arguments: arg1='hello', arg2='world'" } },
    ]);
    const embedded = await server.getPrompt('test_prompt_with_embedded_resource', { resourceUri: 'test://x' });
    expect(embedded.messages[0]?.content).toMatchObject({ type: 'resource', resource: { uri: 'test://x' } });
    const withImage = await server.getPrompt('test_prompt_with_image');
    expect(withImage.messages[0]?.content).toMatchObject({ type: 'image', mimeType: 'image/png' });
    const listed = await server.listPrompts();
    expect(listed.find((p) => p.name === 'test_prompt_with_arguments')?.arguments).toEqual([
      { name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true },
    ]);
  });

  it('completes prompt arguments and template variables', async () => {
    const ref = { type: 'ref/prompt', name: 'test_prompt_with_arguments' } as const;
    expect((await server.complete(ref, { name: 'arg1', value: 'par' })).values).toEqual(['paris', 'park', 'party']);
    const template = { type: 'ref/resource', uri: 'test://template/{id}/data' } as const;
    expect((await server.complete(template, { name: 'id', value: '1' })).values).toEqual(['1', '123']);
  });

  it('declares logging, completions, subscriptions and list changes', () => {
    expect(server.capabilities).toMatchObject({
      logging: {},
      completions: {},
      tools: {},
      prompts: {},
      resources: { subscribe: true },
    });
  });

  it('answers an unknown tool with JSON-RPC error -32602, not a tool error', async () => {
    const response = await server.handle({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'no_such_tool', arguments: {} },
    });
    expect(response).toMatchObject({ jsonrpc: '2.0', id: 7, error: { code: -32602 } });
    expect('result' in response).toBe(false);
  });

  it('rejects a sampling call without its prompt as a tool error naming the argument', async () => {
    const result = await server.callTool('test_sampling', {}, createTestContext({ sample: () => 'x' }));
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/prompt/);
  });
});

describe('json_schema_2020_12_tool (SEP-1613, SEP-2106)', () => {
  it('its hand-written 2020-12 schema reaches clients with every keyword intact', async () => {
    const listed = (await server.listTools()).find((t) => t.name === 'json_schema_2020_12_tool');
    expect(listed?.inputSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $defs: { address: { $anchor: 'addressDef', type: 'object' } },
      properties: { address: { $ref: '#/$defs/address' }, contactMethod: { enum: ['phone', 'email'] } },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here.
      then: { required: ['phone'] },
      else: { required: ['email'] },
      additionalProperties: false,
    });
    const result = await server.callTool('json_schema_2020_12_tool', { name: 'Ada' });
    expect(result.content).toEqual([{ type: 'text', text: 'Received {"name":"Ada"}' }]);
  });
});
