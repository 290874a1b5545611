/**
 * telemetry() over real transports with the OpenTelemetry SDK in memory:
 * spans and their parents from the client's `_meta` trace context, the
 * conventions' attributes, errors, the duration metric, and a proxied call
 * carrying the trace to an instrumented remote.
 */
import { createServer, customMethod, mount, prompt, resource, type Server, ToolError, tool } from '@mcpkit/core';
import { proxy, serveHttp } from '@mcpkit/runtime';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { EmptyResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { telemetry } from '../src/index.js';
import { createMemorySdk } from './helpers.js';

const sdk = createMemorySdk();
const closers: (() => Promise<unknown> | unknown)[] = [];
let manager: AsyncLocalStorageContextManager;
beforeAll(() => {
  manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  sdk.reset();
});
afterAll(async () => {
  context.disable();
  await sdk.shutdown();
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN}-01`;

const instrumented = { tracerProvider: sdk.tracerProvider, meterProvider: sdk.meterProvider };

/** A server with one of each kind of request to trace; `add` opens a span of its own. */
const appServer = (name = 'app'): Server =>
  createServer(
    { name, version: '1.0.0' },
    [
      tool({
        name: 'add',
        input: v.object({ a: v.number(), b: v.number() }),
        run: ({ a, b }) =>
          sdk.tracerProvider.getTracer('app').startActiveSpan('compute', (span) => {
            span.end();
            return a + b;
          }),
      }),
      tool({
        name: 'broken',
        run: () => {
          throw new ToolError('no luck');
        },
      }),
      prompt({ name: 'greet', render: () => 'hello' }),
      resource({ uri: 'demo://readme', name: 'readme', read: () => 'read me' }),
    ],
    {
      middleware: [telemetry(instrumented)],
      methods: {
        'com.example/fail': customMethod({
          handler: () => {
            throw new Error('backend down');
          },
        }),
      },
    },
  );

const serve = async (server: Server) => {
  const running = await serveHttp(server, { port: 0 });
  closers.push(running.close);
  return running.url;
};

const connect = async (url: string) => {
  const client = new Client({ name: 'otel-test', version: '1.0.0' });
  closers.push(() => client.close());
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
};

const spanNamed = (name: string, spans: readonly ReadableSpan[] = sdk.spans()): ReadableSpan => {
  const found = spans.find((s) => s.name === name);
  if (!found) throw new Error(`no span ${name} in ${spans.map((s) => s.name).join(', ')}`);
  return found;
};

describe('telemetry() over Streamable HTTP (2025-11-25)', () => {
  it('makes a SERVER span per request, child of the client trace context in _meta, with the conventions attributes', async () => {
    const client = await connect(await serve(appServer()));
    await client.callTool({
      name: 'add',
      arguments: { a: 1, b: 2 },
      _meta: { traceparent: TRACEPARENT, tracestate: 'vendor=abc' },
    });
    const span = spanNamed('tools/call add');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(span.parentSpanContext?.isRemote).toBe(true);
    expect(span.spanContext().traceState?.get('vendor')).toBe('abc');
    expect(span.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': 'add',
      'gen_ai.operation.name': 'execute_tool',
      'mcp.protocol.version': '2025-11-25',
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
    });
    expect(span.attributes['jsonrpc.request.id']).toMatch(/^\d+$/);
    expect(span.attributes['mcp.session.id']).toEqual(expect.any(String));
    expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
    // The handler's own span is a child of the server span.
    const compute = spanNamed('compute');
    expect(compute.parentSpanContext?.spanId).toBe(span.spanContext().spanId);
    expect(compute.spanContext().traceId).toBe(TRACE_ID);
  });

  it('names prompts and resources as the conventions say', async () => {
    const client = await connect(await serve(appServer()));
    await client.getPrompt({ name: 'greet' });
    await client.readResource({ uri: 'demo://readme' });
    expect(spanNamed('prompts/get greet').attributes['gen_ai.prompt.name']).toBe('greet');
    const read = spanNamed('resources/read');
    expect(read.attributes['mcp.resource.uri']).toBe('demo://readme');
    // Without a trace context from the client, the span starts a trace of its own.
    expect(read.parentSpanContext).toBeUndefined();
    expect(spanNamed('initialize').attributes['mcp.method.name']).toBe('initialize');
  });

  it('records errors: a tool error, a JSON-RPC error, a throwing handler', async () => {
    const client = await connect(await serve(appServer()));
    await client.callTool({ name: 'broken', arguments: {} });
    await expect(client.getPrompt({ name: 'missing' })).rejects.toThrow();
    await expect(client.request({ method: 'com.example/fail' }, EmptyResultSchema)).rejects.toThrow(/backend down/);
    const tool = spanNamed('tools/call broken');
    expect(tool.attributes['error.type']).toBe('tool_error');
    expect(tool.status.code).toBe(SpanStatusCode.ERROR);
    const missing = spanNamed('prompts/get missing');
    expect(missing.attributes).toMatchObject({ 'error.type': '-32602', 'rpc.response.status_code': '-32602' });
    expect(missing.status.code).toBe(SpanStatusCode.ERROR);
    const failed = spanNamed('com.example/fail');
    expect(failed.attributes).toMatchObject({ 'error.type': '-32603', 'rpc.response.status_code': '-32603' });
    expect(failed.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'backend down' });
    expect(failed.events.some((e) => e.name === 'exception')).toBe(true);
  });

  it.each([
    ['garbage', 'not-a-traceparent'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${CLIENT_SPAN}-01`],
    ['version ff', `ff-${TRACE_ID}-${CLIENT_SPAN}-01`],
    ['a number', 42],
    ['trailing data on version 00', `${TRACEPARENT}-extra`],
  ])('ignores a malformed traceparent (%s): a root span, and the request served', async (_label, traceparent) => {
    const client = await connect(await serve(appServer()));
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 2 }, _meta: { traceparent } });
    expect(result.isError).toBeFalsy();
    const span = spanNamed('tools/call add');
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.spanContext().traceId).not.toBe(TRACE_ID);
  });

  it('records mcp.server.operation.duration in seconds, by method, tool and error type', async () => {
    const client = await connect(await serve(appServer()));
    await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    await client.callTool({ name: 'broken', arguments: {} });
    const metric = await sdk.points('mcp.server.operation.duration');
    expect(metric?.descriptor.unit).toBe('s');
    const points = (metric?.points ?? []) as unknown as {
      attributes: Record<string, unknown>;
      value: { count: number; sum: number };
    }[];
    const add = points.find((p) => p.attributes['gen_ai.tool.name'] === 'add');
    expect(add?.attributes).toMatchObject({ 'mcp.method.name': 'tools/call', 'mcp.protocol.version': '2025-11-25' });
    expect(add?.attributes).not.toHaveProperty('error.type');
    expect(add?.attributes).not.toHaveProperty('mcp.session.id');
    expect(add?.value.count).toBeGreaterThanOrEqual(1);
    expect(add?.value.sum).toBeLessThan(60);
    const broken = points.find((p) => p.attributes['gen_ai.tool.name'] === 'broken');
    expect(broken?.attributes['error.type']).toBe('tool_error');
  });
});

describe('telemetry() on 2026-07-28 (SDK v2 client)', () => {
  it('reads the trace context and the revision from the request _meta', async () => {
    const url = await serve(appServer());
    const client = new ClientV2(
      { name: 'v2', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    closers.push(() => client.close());
    await client.connect(new HttpV2(new URL(url)));
    await client.callTool({ name: 'add', arguments: { a: 3, b: 4 }, _meta: { traceparent: TRACEPARENT } });
    const span = spanNamed('tools/call add');
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(span.attributes['mcp.protocol.version']).toBe('2026-07-28');
    expect(span.attributes).not.toHaveProperty('mcp.session.id');
  });
});

describe('telemetry() through proxy()', () => {
  it('carries the trace to the remote: the remote span is a child of the front span, in the client trace', async () => {
    const remoteUrl = await serve(appServer('remote'));
    const remote = proxy(remoteUrl);
    closers.push(() => remote.close());
    const front = createServer({ name: 'front', version: '1.0.0' }, [mount(remote, { namespace: 'r' })], {
      middleware: [telemetry(instrumented)],
    });
    const client = await connect(await serve(front));
    const result = await client.callTool({
      name: 'r_add',
      arguments: { a: 5, b: 6 },
      _meta: { traceparent: TRACEPARENT },
    });
    expect(result.isError).toBeFalsy();
    const frontSpan = spanNamed('tools/call r_add');
    const remoteSpan = spanNamed('tools/call add');
    expect(frontSpan.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(remoteSpan.spanContext().traceId).toBe(TRACE_ID);
    expect(remoteSpan.parentSpanContext?.spanId).toBe(frontSpan.spanContext().spanId);
  });
});

describe('telemetry() and the ambient context', () => {
  it('keeps the client context as parent and links the ambient span (an HTTP span, say); without a client context the ambient one is the parent', async () => {
    const server = appServer();
    const ambient = sdk.tracerProvider.getTracer('http').startSpan('POST /mcp');
    const within = trace.setSpan(context.active(), ambient);
    const call = (id: number, meta?: Record<string, unknown>) =>
      context.with(within, () =>
        server.handle({
          jsonrpc: '2.0',
          id,
          method: 'tools/call',
          params: { name: 'add', arguments: { a: 1, b: 1 }, ...(meta ? { _meta: meta } : {}) },
        }),
      );
    await call(1, { traceparent: TRACEPARENT });
    const linked = spanNamed('tools/call add');
    expect(linked.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
    expect(linked.links.map((link) => link.context.spanId)).toEqual([ambient.spanContext().spanId]);
    sdk.reset();
    await call(2);
    const child = spanNamed('tools/call add');
    expect(child.parentSpanContext?.spanId).toBe(ambient.spanContext().spanId);
    expect(child.links).toEqual([]);
    ambient.end();
  });
});

describe('telemetry() without an OpenTelemetry SDK', () => {
  it('passes requests and errors through unchanged and records nothing', async () => {
    const server = createServer(
      { name: 'bare', version: '1.0.0' },
      [tool({ name: 'echo', input: v.object({ text: v.string() }), run: ({ text }) => text })],
      { middleware: [telemetry()] },
    );
    const ok = await server.handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'hi' }, _meta: { traceparent: TRACEPARENT } },
    });
    expect(ok).toMatchObject({ result: { content: [{ type: 'text', text: 'hi' }] } });
    const bad = await server.handle({ jsonrpc: '2.0', id: 2, method: 'prompts/get', params: { name: 'none' } });
    expect(bad).toMatchObject({ error: { code: -32602 } });
    expect(sdk.spans()).toEqual([]);
  });
});
