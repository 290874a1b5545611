/**
 * The proxy against a server we did not write: the reference
 * `@modelcontextprotocol/server-everything`, spawned over stdio with node and
 * exposed over our Streamable HTTP.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ProxyProvider, proxy } from '../src/index.js';
import { createCleanup } from './http-helpers.js';
import { everythingCommand, richClient, serveFront, textOf } from './proxy-helpers.js';

const cleanup = createCleanup();
let everything: ProxyProvider;
let client: Awaited<ReturnType<typeof richClient>>;

beforeAll(async () => {
  everything = cleanup.add(() => everything.close(), proxy(everythingCommand(), { name: 'everything' }));
  const { url } = await serveFront(cleanup, { every: everything });
  client = await richClient(cleanup, url);
  await client.client.setLoggingLevel('debug');
});
afterAll(() => cleanup.run());

describe('proxy() of @modelcontextprotocol/server-everything over stdio', () => {
  test('lists and calls its tools, resources and prompts', async () => {
    const tools = (await client.client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['every_echo', 'every_get-sum', 'every_trigger-sampling-request']));
    expect(textOf(await client.client.callTool({ name: 'every_echo', arguments: { message: 'hello' } }))).toBe(
      'Echo: hello',
    );
    const sum = await client.client.callTool({ name: 'every_get-sum', arguments: { a: 2, b: 40 } });
    expect(textOf(sum)).toContain('42');
    const prompts = (await client.client.listPrompts()).prompts.map((p) => p.name);
    expect(prompts.every((name) => name.startsWith('every_'))).toBe(true);
    expect(prompts.length).toBeGreaterThan(0);
  });

  test('relays its progress notifications', async () => {
    const progress: number[] = [];
    const result = await client.client.callTool(
      { name: 'every_trigger-long-running-operation', arguments: { duration: 0.3, steps: 3 } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(textOf(result)).toContain('Long running operation completed');
    // the last progress may race the response in the SDK client; the first ones cannot
    expect(progress.slice(0, 2)).toEqual([1, 2]);
  });

  test('relays its log messages', async () => {
    const before = client.heard.logs.length;
    const toggled = await client.client.callTool({ name: 'every_toggle-simulated-logging', arguments: {} });
    expect(textOf(toggled)).toContain('Started simulated');
    await expect.poll(() => client.heard.logs.length).toBeGreaterThan(before);
    expect(client.heard.logs.at(-1)?.data).toMatch(/level[- ]message/);
    await client.client.callTool({ name: 'every_toggle-simulated-logging', arguments: {} });
  });

  test("relays its sampling request: our client's answer appears in its result", async () => {
    const result = await client.client.callTool({
      name: 'every_trigger-sampling-request',
      arguments: { prompt: 'the answer?', maxTokens: 20 },
    });
    expect(textOf(result)).toContain('forty-two');
    expect(client.heard.sampled.at(-1)).toMatchObject({
      messages: [{ role: 'user', content: { type: 'text', text: expect.stringContaining('the answer?') } }],
    });
  });

  test('relays its elicitation request and returns our answer', async () => {
    client.answerElicitationWith({ name: 'Ada Lovelace', check: true });
    const result = await client.client.callTool({ name: 'every_trigger-elicitation-request', arguments: {} });
    expect(JSON.stringify(result.content)).toContain('Ada Lovelace');
    expect(client.heard.elicited.at(-1)).toMatchObject({ requestedSchema: { required: ['name'] } });
  });

  test('relays its roots request', async () => {
    const result = await client.client.callTool({ name: 'every_get-roots-list', arguments: {} });
    expect(textOf(result)).toContain('file:///work');
  });
});
