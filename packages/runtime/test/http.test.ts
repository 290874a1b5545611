import { createServer, tool } from '@mcpkit/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  type Progress,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serve, serveHttp } from '../src/index.js';
import { COUNTER_URI, createDemoServer } from './fixtures/demo-server.js';
import { connectHttp, connectSse, createCleanup, openRawSession, post, sseReader, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

const textOf = (result: unknown): string => {
  const content = (result as { content: { type: string; text?: string }[] }).content;
  return content.map((c) => c.text ?? '').join('');
};

/** A client whose standalone GET stream is known to be open (resolves once the server answered the GET). */
const connectWithGetStream = async (url: string, options: ConstructorParameters<typeof Client>[1] = {}) => {
  let opened!: () => void;
  const getOpen = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'GET' && response.ok) opened();
      return response;
    },
  });
  const client = new Client({ name: 'http-test', version: '1.0.0' }, options);
  cleanup.add(() => client.close());
  await client.connect(transport);
  await getOpen;
  return { client, transport };
};

describe.each([
  { mode: 'stateful, SSE responses', options: {} },
  { mode: 'stateful, JSON responses', options: { json: true } },
  { mode: 'stateless, SSE responses', options: { stateless: true } },
  { mode: 'stateless, JSON responses', options: { stateless: true, json: true } },
])('Streamable HTTP ($mode)', ({ options }) => {
  it('initializes, lists and calls tools, reads resources', async () => {
    const running = await startHttp(cleanup, options);
    const { client, transport } = await connectHttp(cleanup, running.url);
    expect(client.getServerVersion()).toEqual({ name: 'demo', version: '1.0.0' });
    expect(client.getInstructions()).toBe('A demo server for tests.');
    if (options.stateless) expect(transport.sessionId).toBeUndefined();
    else expect(transport.sessionId).toMatch(/^[\x21-\x7e]+$/);

    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: 'hello' } }))).toBe('hello');
    const added = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(added.structuredContent).toEqual({ sum: 5 });
    const read = await client.readResource({ uri: 'demo://greeting/Ada' });
    expect(read.contents[0]).toMatchObject({ text: 'Hello, Ada!' });
    expect(await client.ping()).toEqual({});
  });

  it('reports tool errors and unknown tools', async () => {
    const running = await startHttp(cleanup, options);
    const { client } = await connectHttp(cleanup, running.url);
    const failed = await client.callTool({ name: 'fail', arguments: {} });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toBe('this tool always fails');
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(/nope/);
  });

  it('delivers progress and log notifications of a request', async () => {
    // In JSON mode they travel on the GET stream, which stateless servers do not have.
    if (options.stateless && options.json) return;
    const running = await startHttp(cleanup, options);
    const { client } = options.json ? await connectWithGetStream(running.url) : await connectHttp(cleanup, running.url);
    const logs: unknown[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params.data);
    });
    const progress: Progress[] = [];
    const result = await client.callTool({ name: 'log_and_progress', arguments: { steps: 3 } }, undefined, {
      onprogress: (p) => progress.push(p),
    });
    expect(textOf(result)).toBe('done 3 steps');
    // On an SSE response they precede the result; on the GET stream they may trail it.
    await vi.waitFor(() => expect(logs).toHaveLength(2));
    expect(logs).toEqual(['starting', { problem: 'none really' }]);
    if (!options.json) {
      expect(progress.map((p) => [p.progress, p.total, p.message])).toEqual([
        [1, 3, 'step 1'],
        [2, 3, 'step 2'],
        [3, 3, 'step 3'],
      ]);
    }
  });

  it('keeps concurrent sessions apart: 10 clients calling echo in parallel', async () => {
    const running = await startHttp(cleanup, options);
    const clients = await Promise.all(Array.from({ length: 10 }, () => connectHttp(cleanup, running.url)));
    const answers = await Promise.all(
      clients.flatMap(({ client }, i) =>
        Array.from({ length: 5 }, async (_, j) => {
          const text = `client ${i} call ${j}`;
          return [text, textOf(await client.callTool({ name: 'echo', arguments: { text } }))];
        }),
      ),
    );
    for (const [sent, got] of answers) expect(got).toBe(sent);
  });
});

describe('serve() with the HTTP transports', () => {
  it.each(['http', 'sse'] as const)('serves over %s', async (transport) => {
    const running = await serve(createDemoServer(), { transport, port: 0 });
    cleanup.add(running.close);
    expect(running.url).toMatch(transport === 'http' ? /\/mcp$/ : /\/sse$/);
    const client =
      transport === 'http'
        ? (await connectHttp(cleanup, running.url as string)).client
        : await connectSse(cleanup, running.url as string);
    expect(textOf(await client.callTool({ name: 'echo', arguments: { text: transport } }))).toBe(transport);
  });
});

describe('serveHttp: lifespan', () => {
  it('starts the lifespan before serving and stops it on close', async () => {
    const events: string[] = [];
    const running = await serveHttp(createDemoServer(), {
      port: 0,
      lifespan: () => {
        events.push('start');
        return { value: { db: 'pool' }, close: () => void events.push('stop') };
      },
    });
    cleanup.add(running.close);
    const { client } = await connectHttp(cleanup, running.url);
    const info = await client.callTool({ name: 'lifespan_info', arguments: {} });
    expect(info.structuredContent ?? JSON.parse(textOf(info))).toEqual({ db: 'pool' });
    await client.close();
    await running.close();
    expect(events).toEqual(['start', 'stop']);
  });
});

describe('Streamable HTTP: server-to-client requests (stateful)', () => {
  const samplingClient = () => ({ capabilities: { sampling: {}, elicitation: { form: {} }, roots: {} } });

  it.each([{ json: false }, { json: true }])('round-trips sampling and elicitation (json: $json)', async ({ json }) => {
    const running = await startHttp(cleanup, { json });
    const { client } = json
      ? await connectWithGetStream(running.url, samplingClient())
      : await connectHttp(cleanup, running.url, samplingClient());
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
      model: 'test-model',
      role: 'assistant',
      content: { type: 'text', text: `echo of ${JSON.stringify(request.params.messages[0]?.content)}` },
    }));
    client.setRequestHandler(ElicitRequestSchema, async () => ({
      action: 'accept',
      content: { name: 'Ada', age: 36 },
    }));
    const sampled = await client.callTool({ name: 'ask_model', arguments: { question: 'why?' } });
    expect(textOf(sampled)).toBe('model said: echo of {"type":"text","text":"why?"}');
    const elicited = await client.callTool({ name: 'ask_user', arguments: {} });
    expect(elicited.isError).toBeFalsy();
    expect(textOf(elicited)).toContain('Ada');
  });

  it('serves a stateless request as initialized at the header revision, without a made-up initialize', async () => {
    const seen: string[] = [];
    const server = createServer(
      { name: 'stateless-bootstrap', version: '1' },
      [
        tool({
          name: 'whoami',
          run: (_args, ctx) =>
            JSON.stringify({ version: ctx.session.protocolVersion, client: ctx.session.clientInfo ?? null }),
        }),
      ],
      {
        middleware: [
          async (request, _ctx, next) => {
            seen.push(request.method);
            return next();
          },
        ],
      },
    );
    const running = await startHttp(cleanup, { stateless: true, json: true }, server);
    const call = { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'whoami', arguments: {} } };
    const withHeader = await post(running.url, call, { 'mcp-protocol-version': '2025-06-18' });
    expect(withHeader.status).toBe(200);
    expect(textOf(((await withHeader.json()) as { result: unknown }).result)).toBe(
      JSON.stringify({ version: '2025-06-18', client: null }),
    );
    // No header: the spec says to assume 2025-03-26.
    const without = await post(running.url, call);
    expect(textOf(((await without.json()) as { result: unknown }).result)).toContain('"version":"2025-03-26"');
    // The middleware saw the two calls and nothing else.
    expect(seen).toEqual(['tools/call', 'tools/call']);
    // A real initialize still goes through the server.
    const init = await post(running.url, {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    expect(((await init.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe('2025-06-18');
    expect(seen).toEqual(['tools/call', 'tools/call', 'initialize']);
  });

  it('sends a quick SSE answer whole, with its length, and streams a slow one as it goes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = createServer({ name: 'sse-shapes', version: '1' }, [
      tool({ name: 'quick', run: () => 'done' }),
      tool({
        name: 'slow',
        run: async (_args, ctx) => {
          await ctx.progress(1, 2);
          await gate;
          return 'finally';
        },
      }),
    ]);
    const running = await startHttp(cleanup, {}, server);
    const id = await openRawSession(running.url);
    const headers = { 'mcp-session-id': id };
    const call = (name: string, extra: object = {}) => ({
      jsonrpc: '2.0',
      id: name,
      method: 'tools/call',
      params: { name, arguments: {}, ...extra },
    });

    const quick = await post(running.url, call('quick'), headers);
    expect(quick.headers.get('content-type')).toBe('text/event-stream');
    const text = await quick.text();
    expect(quick.headers.get('content-length')).toBe(String(new TextEncoder().encode(text).byteLength));
    expect(text).toContain('"text":"done"');

    // The slow call's headers and progress arrive while it still waits on the gate.
    const slow = await post(running.url, call('slow', { _meta: { progressToken: 'p' } }), headers);
    expect(slow.headers.get('content-length')).toBeNull();
    const events = sseReader(slow);
    expect(JSON.parse((await events.next())?.data ?? '{}').method).toBe('notifications/progress');
    release();
    expect((await events.next())?.data).toContain('"text":"finally"');
  });

  it('fails sampling with a clear error in stateless mode', async () => {
    const running = await startHttp(cleanup, { stateless: true });
    const { client } = await connectHttp(cleanup, running.url, samplingClient());
    client.setRequestHandler(CreateMessageRequestSchema, async () => {
      throw new Error('must not be asked');
    });
    const outcome = await client.callTool({ name: 'ask_model', arguments: { question: 'why?' } }).then(
      (result) => textOf(result),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/Sampling \(ctx.sample\) needs a stateful session: this server runs stateless/);
  });

  it('cancels a running request when the client aborts it', async () => {
    let aborted: unknown;
    const server = createServer({ name: 'cancel', version: '1' }, [
      tool({
        name: 'wait',
        run: (_args, ctx) =>
          new Promise<string>((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = ctx.signal.reason;
              reject(ctx.signal.reason);
            });
            ctx.log.info('started');
          }),
      }),
    ]);
    const running = await startHttp(cleanup, {}, server);
    const { client } = await connectHttp(cleanup, running.url);
    const controller = new AbortController();
    // The log says the handler is running: abort only then, so the cancel cannot overtake the request.
    client.setNotificationHandler(LoggingMessageNotificationSchema, () => controller.abort('changed my mind'));
    const call = client.callTool({ name: 'wait', arguments: {} }, undefined, { signal: controller.signal });
    await expect(call).rejects.toThrow(/changed my mind/);
    await vi.waitFor(() => expect(String(aborted)).toMatch(/cancelled/));
  });

  it('sends resources/updated on the GET stream', async () => {
    const running = await startHttp(cleanup);
    const { client } = await connectWithGetStream(running.url);
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updates.push(n.params.uri);
    });
    await client.subscribeResource({ uri: COUNTER_URI });
    await client.callTool({ name: 'bump_counter', arguments: {} });
    await vi.waitFor(() => expect(updates).toEqual([COUNTER_URI]));
  });

  it('ends the session on DELETE: its id then gets 404', async () => {
    const running = await startHttp(cleanup);
    const { client, transport } = await connectHttp(cleanup, running.url);
    await client.ping();
    const id = transport.sessionId as string;
    await transport.terminateSession();
    expect(transport.sessionId).toBeUndefined();
    const after = await post(running.url, { jsonrpc: '2.0', id: 9, method: 'ping' }, { 'mcp-session-id': id });
    expect(after.status).toBe(404);
    expect(await after.json()).toMatchObject({
      error: { code: -32600, message: expect.stringMatching(/Session not found/) },
    });
  });
});
