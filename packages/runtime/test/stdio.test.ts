/**
 * The headline tests: the SDK Client talks to the demo server in a real child
 * process over stdio (StdioClientTransport).
 */
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  type ElicitResult,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_URI } from './fixtures/demo-server.js';
import { connectStdio, type StdioConnection } from './fixtures/spawn-stdio.js';

const textOf = (result: unknown) => {
  const first = ((result as { content?: unknown }).content as { type: string; text?: string }[] | undefined)?.[0];
  return first?.type === 'text' ? (first.text ?? '') : '';
};

describe('stdio with a fully capable client', () => {
  let conn: StdioConnection;
  const samples: unknown[] = [];
  let elicitAnswer: ElicitResult = { action: 'decline' };
  const elicitations: unknown[] = [];
  const logs: { level: string; logger?: string; data: unknown }[] = [];
  const notices: string[] = [];

  beforeAll(async () => {
    conn = await connectStdio({
      capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } },
    });
    const { client } = conn;
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      samples.push(request.params);
      return { role: 'assistant', model: 'test-model', content: { type: 'text', text: 'forty-two' } };
    });
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      elicitations.push(request.params);
      return elicitAnswer;
    });
    client.setRequestHandler(ListRootsRequestSchema, async () => ({
      roots: [{ uri: 'file:///tmp/project', name: 'project' }],
    }));
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params as (typeof logs)[number]);
    });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void notices.push('tools'));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void notices.push('resources'));
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => void notices.push('prompts'));
    client.setNotificationHandler(
      ResourceUpdatedNotificationSchema,
      (n) => void notices.push(`updated ${n.params.uri}`),
    );
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('negotiates the latest revision and reports the server', async () => {
    expect(conn.client.getServerVersion()).toEqual({ name: 'demo', version: '1.0.0' });
    expect(conn.client.getServerCapabilities()).toMatchObject({ tools: { listChanged: true }, logging: {} });
    const info = await conn.client.callTool({ name: 'session_info' });
    expect(info.structuredContent).toMatchObject({ protocolVersion: '2025-11-25', clientName: 'stdio-test' });
  });

  it('lists and calls tools', async () => {
    const { tools } = await conn.client.listTools();
    expect(tools.find((t) => t.name === 'add')?.outputSchema).toMatchObject({ type: 'object' });
    const added = await conn.client.callTool({ name: 'add', arguments: { a: 20, b: 22 } });
    expect(added.structuredContent).toEqual({ sum: 42 });
    const failed = await conn.client.callTool({ name: 'fail' });
    expect(failed).toMatchObject({ isError: true, content: [{ type: 'text', text: 'this tool always fails' }] });
  });

  it('runs many requests concurrently', async () => {
    const controller = new AbortController();
    let slowSettled = false;
    // A minute-long call: if handlers were serialized, everything below would wait behind it.
    const slow = conn.client.callTool({ name: 'slow' }, undefined, { signal: controller.signal }).finally(() => {
      slowSettled = true;
    });
    const echoed = await conn.client.callTool({ name: 'echo', arguments: { text: 'first' } });
    expect(textOf(echoed)).toBe('first');
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) => conn.client.callTool({ name: 'add', arguments: { a: i, b: 1 } })),
    );
    expect(many.map((r) => (r.structuredContent as { sum: number }).sum)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(slowSettled).toBe(false);
    controller.abort();
    await expect(slow).rejects.toThrow();
  });

  it('round-trips sampling: the tool result carries the client model answer', async () => {
    const result = await conn.client.callTool({ name: 'ask_model', arguments: { question: 'meaning of life?' } });
    expect(textOf(result)).toBe('model said: forty-two');
    expect(samples.at(-1)).toMatchObject({
      maxTokens: 50,
      messages: [{ role: 'user', content: { type: 'text', text: 'meaning of life?' } }],
    });
  });

  it('round-trips form elicitation: accepted content comes back validated', async () => {
    elicitAnswer = { action: 'accept', content: { name: 'Ada', age: 36 } };
    const result = await conn.client.callTool({ name: 'ask_user' });
    expect(JSON.parse(textOf(result))).toEqual({ action: 'accept', content: { name: 'Ada', age: 36 } });
    expect(elicitations.at(-1)).toMatchObject({
      mode: 'form',
      message: 'Who are you?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } } },
    });
  });

  it('round-trips a declined elicitation', async () => {
    elicitAnswer = { action: 'decline' };
    const result = await conn.client.callTool({ name: 'ask_user' });
    expect(JSON.parse(textOf(result))).toEqual({ action: 'decline' });
  });

  it('round-trips URL-mode elicitation', async () => {
    elicitAnswer = { action: 'accept' };
    const result = await conn.client.callTool({ name: 'ask_user_url' });
    expect(JSON.parse(textOf(result))).toEqual({ action: 'accept' });
    expect(elicitations.at(-1)).toMatchObject({
      mode: 'url',
      url: 'https://example.com/login',
      elicitationId: expect.any(String),
    });
  });

  it('lists the client roots', async () => {
    const result = await conn.client.callTool({ name: 'list_roots' });
    expect(JSON.parse(textOf(result))).toEqual([{ uri: 'file:///tmp/project', name: 'project' }]);
  });

  it('cancels a running handler: the handler sees its signal abort', async () => {
    const abortsBefore = async () => {
      const info = await conn.client.callTool({ name: 'session_info' });
      return ((info.structuredContent as { state: Record<string, number> }).state['slow.aborts'] ?? 0) as number;
    };
    const before = await abortsBefore();
    const controller = new AbortController();
    const call = conn.client.callTool({ name: 'slow' }, undefined, {
      signal: controller.signal,
      // Abort once the handler reports it is running.
      onprogress: () => controller.abort('user pressed stop'),
    });
    await expect(call).rejects.toThrow();
    expect(await abortsBefore()).toBe(before + 1);
  });

  it('enforces a tool timeout through the session and aborts the handler signal', async () => {
    const result = await conn.client.callTool({ name: 'too_slow' });
    expect(result).toMatchObject({ isError: true, content: [{ text: "Tool 'too_slow' timed out after 50 ms" }] });
    const info = await conn.client.callTool({ name: 'session_info' });
    expect(info.structuredContent).toMatchObject({ state: { 'too_slow.aborted': true } });
  });

  it('sends progress notifications for a request with a progress token', async () => {
    const progress: { progress: number; total?: number; message?: string }[] = [];
    const result = await conn.client.callTool({ name: 'progress_steps', arguments: { steps: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    });
    expect(textOf(result)).toBe('done 3 steps');
    expect(progress).toEqual([
      { progress: 1, total: 3, message: 'step 1' },
      { progress: 2, total: 3, message: 'step 2' },
      { progress: 3, total: 3, message: 'step 3' },
    ]);
  });

  it('sends log notifications filtered by the level the client set', async () => {
    const levelsOfOneCall = async () => {
      logs.length = 0;
      await conn.client.callTool({ name: 'log_and_progress', arguments: { steps: 0 } });
      return logs.map((l) => l.level);
    };
    expect(await levelsOfOneCall()).toEqual(['info', 'error']);
    expect(logs[0]).toEqual({ level: 'info', logger: 'demo', data: 'starting' });
    expect(logs[1]).toEqual({ level: 'error', logger: 'demo', data: { problem: 'none really' } });
    await conn.client.setLoggingLevel('error');
    expect(await levelsOfOneCall()).toEqual(['error']);
    await conn.client.setLoggingLevel('debug');
    expect(await levelsOfOneCall()).toEqual(['debug', 'info', 'error']);
    await conn.client.setLoggingLevel('info');
  });

  it('sends list_changed for the kinds a disable/enable affects, and filters the lists', async () => {
    notices.length = 0;
    await conn.client.callTool({ name: 'toggle_admin', arguments: { enabled: false } });
    expect(notices.sort()).toEqual(['resources', 'tools']);
    expect((await conn.client.listTools()).tools.map((t) => t.name)).not.toContain('admin_reset');
    expect((await conn.client.listResources()).resources.map((r) => r.uri)).not.toContain('demo://admin/secrets');
    const hidden = await conn.client.callTool({ name: 'admin_reset' }).catch((error: Error) => error);
    expect(String((hidden as Error).message ?? JSON.stringify(hidden))).toMatch(/Unknown tool/);

    notices.length = 0;
    await conn.client.callTool({ name: 'toggle_admin', arguments: { enabled: false } });
    expect(notices).toEqual([]);
    await conn.client.callTool({ name: 'toggle_admin', arguments: { enabled: true } });
    expect(notices.sort()).toEqual(['resources', 'tools']);
    expect((await conn.client.listTools()).tools.map((t) => t.name)).toContain('admin_reset');
  });

  it('sends resources/updated to a subscribed client only', async () => {
    notices.length = 0;
    await conn.client.callTool({ name: 'bump_counter' });
    expect(notices).toEqual([]);
    await conn.client.subscribeResource({ uri: COUNTER_URI });
    const bumped = await conn.client.callTool({ name: 'bump_counter' });
    expect(notices).toEqual([`updated ${COUNTER_URI}`]);
    const read = await conn.client.readResource({ uri: COUNTER_URI });
    expect(read.contents[0]).toMatchObject({ text: textOf(bumped) });
    await conn.client.unsubscribeResource({ uri: COUNTER_URI });
    await conn.client.callTool({ name: 'bump_counter' });
    expect(notices).toEqual([`updated ${COUNTER_URI}`]);
  });

  it('reaches the lifespan value, started once', async () => {
    const result = await conn.client.callTool({ name: 'lifespan_info' });
    expect(result.structuredContent).toMatchObject({ pool: 'demo-pool' });
    expect(conn.stderr().match(/lifespan: started/g)).toHaveLength(1);
  });
});

describe('stdio with a client that declares no capabilities', () => {
  let conn: StdioConnection;
  beforeAll(async () => {
    conn = await connectStdio();
  });
  afterAll(async () => {
    await conn?.close();
  });

  it.each([
    ['ask_model', { question: 'hi' }, /Sampling \(ctx\.sample\) is not available.*'sampling' capability/],
    ['ask_user', {}, /Elicitation in form mode.*'elicitation' capability/],
    ['ask_user_url', {}, /Elicitation in url mode.*'elicitation\.url' capability/],
    ['list_roots', {}, /Listing roots.*'roots' capability/],
  ])('%s fails at once with a clear tool error', async (name, args, message) => {
    const result = await conn.client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
