import { createServer, mount } from '@mcpkit/core';
import { afterEach, describe, expect, test } from 'vitest';
import { type ProxyProvider, proxy, serveHttp, serveSse } from '../src/index.js';
import { createDemoServer } from './fixtures/demo-server.js';
import { entryCommand } from './fixtures/spawn-stdio.js';
import { createCleanup } from './http-helpers.js';
import { richClient, serveFront, textOf } from './proxy-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** A proxy closed after the test. */
const tracked = (provider: ProxyProvider) => cleanup.add(() => provider.close(), provider);

/** The demo server as a remote: over stdio (a child process) or Streamable HTTP (in process). */
const remotes = {
  stdio: async () => tracked(proxy(entryCommand(), { name: 'demo-stdio' })),
  http: async () => {
    const running = await serveHttp(createDemoServer(), { port: 0 });
    cleanup.add(running.close);
    return tracked(proxy(running.url, { name: 'demo-http' }));
  },
  'legacy sse': async () => {
    const running = await serveSse(createDemoServer(), { port: 0 });
    cleanup.add(running.close);
    return tracked(proxy({ url: running.url, transport: 'sse' }, { name: 'demo-sse' }));
  },
};

describe.each(Object.entries(remotes))('proxy() of the demo server over %s', (_kind, makeRemote) => {
  test('lists and calls through the namespace; the remote errors pass through', async () => {
    const { url } = await serveFront(cleanup, { demo: await makeRemote() });
    const { client } = await richClient(cleanup, url);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain('demo_echo');
    expect(tools).toContain('demo_ask_model');
    expect(textOf(await client.callTool({ name: 'demo_echo', arguments: { text: 'hi' } }))).toBe('hi');
    const added = await client.callTool({ name: 'demo_add', arguments: { a: 2, b: 3 } });
    expect(added.structuredContent).toEqual({ sum: 5 });
    // the remote's tool error and its argument validation come back as the remote made them
    const failed = await client.callTool({ name: 'demo_fail', arguments: {} });
    expect(failed).toMatchObject({ isError: true });
    expect(textOf(failed)).toContain('this tool always fails');
    const bad = await client.callTool({ name: 'demo_echo', arguments: { text: 1 } });
    expect(bad.isError).toBe(true);
    // resources and prompts, renamed
    const resources = (await client.listResources()).resources.map((r) => r.uri);
    expect(resources).toContain('demo://demo/counter');
    const read = await client.readResource({ uri: 'demo://demo/greeting/Ada' });
    expect(read.contents[0]).toMatchObject({ uri: 'demo://demo/greeting/Ada', text: 'Hello, Ada!' });
    const prompt = await client.getPrompt({ name: 'demo_greet', arguments: { name: 'Bo' } });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Please greet Bo.' });
  });

  test('relays progress, logs, sampling, elicitation and roots to our client', async () => {
    const { url } = await serveFront(cleanup, { demo: await makeRemote() });
    const { client, heard } = await richClient(cleanup, url);
    await client.setLoggingLevel('debug');

    const progress: number[] = [];
    const steps = await client.callTool({ name: 'demo_progress_steps', arguments: { steps: 3 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(textOf(steps)).toBe('done 3 steps');
    expect(progress).toEqual([1, 2, 3]);

    await client.callTool({ name: 'demo_log_and_progress', arguments: { steps: 1 } });
    expect(heard.logs).toEqual(
      expect.arrayContaining([
        { level: 'info', logger: 'demo', data: 'starting' },
        { level: 'error', logger: 'demo', data: { problem: 'none really' } },
      ]),
    );

    const sampled = await client.callTool({ name: 'demo_ask_model', arguments: { question: 'meaning?' } });
    expect(textOf(sampled)).toBe('model said: forty-two');
    expect(heard.sampled).toHaveLength(1);
    expect(heard.sampled[0]).toMatchObject({
      messages: [{ role: 'user', content: { type: 'text', text: 'meaning?' } }],
    });

    const elicited = await client.callTool({ name: 'demo_ask_user', arguments: {} });
    expect(JSON.parse(textOf(elicited))).toEqual({ action: 'accept', content: { name: 'Ada', age: 36 } });
    expect(heard.elicited[0]).toMatchObject({ message: 'Who are you?', requestedSchema: { type: 'object' } });

    const roots = await client.callTool({ name: 'demo_list_roots', arguments: {} });
    expect(JSON.parse(textOf(roots))).toEqual([{ uri: 'file:///work', name: 'work' }]);
  });

  test('a client without sampling gets a clear error from the remote tool', async () => {
    const { url } = await serveFront(cleanup, { demo: await makeRemote() });
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const plain = new Client({ name: 'plain', version: '1' });
    cleanup.add(() => plain.close());
    await plain.connect(new StreamableHTTPClientTransport(new URL(url)));
    const result = await plain.callTool({ name: 'demo_ask_model', arguments: { question: 'x' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/sampling/i);
  });

  test('cancelling our request cancels the remote call', async () => {
    const remote = await makeRemote();
    const { url } = await serveFront(cleanup, { demo: remote });
    const { client } = await richClient(cleanup, url);
    const controller = new AbortController();
    let started!: () => void;
    const progressed = new Promise<void>((resolve) => {
      started = resolve;
    });
    const call = client.callTool({ name: 'demo_slow', arguments: {} }, undefined, {
      signal: controller.signal,
      onprogress: () => started(),
    });
    await progressed;
    controller.abort('changed my mind');
    await expect(call).rejects.toThrow();
    // the remote session recorded the abort of its handler
    const seen = async () => {
      const info = await client.callTool({ name: 'demo_session_info', arguments: {} });
      return JSON.parse(textOf(info)).state['slow.aborts'];
    };
    await expect.poll(seen).toBe(1);
  });
});

test('a server made by createServer and a proxy are interchangeable under mount()', async () => {
  const running = await serveHttp(createDemoServer(), { port: 0 });
  cleanup.add(running.close);
  const remote = tracked(proxy({ url: running.url, headers: { 'x-test': '1' } }));
  const local = createServer({ name: 'main', version: '1' }, [mount(remote, { namespace: 'r' })]);
  // direct calls (no session) share one remote connection
  expect(textOf(await local.callTool('r_echo', { text: 'direct' }))).toBe('direct');
  expect(textOf(await local.callTool('r_echo', { text: 'again' }))).toBe('again');
  expect(remote.connections()).toBe(1);
  expect(remote.name).toBe(`${new URL(running.url).origin}/mcp`);
});
