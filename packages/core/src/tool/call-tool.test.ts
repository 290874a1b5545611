import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import {
  audio,
  createServer,
  ErrorCode,
  embedded,
  image,
  ProtocolError,
  resourceLink,
  type ServerOptions,
  ToolError,
  text,
  tool,
} from '../index.js';

const serverWith = (tools: Parameters<typeof createServer>[1], options?: ServerOptions) =>
  createServer({ name: 't', version: '1' }, tools, options);

const add = tool({
  name: 'add',
  input: v.object({ a: v.number(), b: v.number() }),
  run: ({ a, b }) => a + b,
});

describe('tools/call: arguments', () => {
  test('valid arguments reach the handler parsed', async () => {
    const result = await serverWith([add]).callTool('add', { a: 2, b: 3 });
    expect(result).toEqual({ content: [{ type: 'text', text: '5' }] });
  });

  test('invalid arguments are a tool error naming each bad field', async () => {
    const result = await serverWith([add]).callTool('add', { a: 'x' });
    expect(result.isError).toBe(true);
    const message = (result.content[0] as { text: string }).text;
    expect(message).toMatch(/^Invalid arguments for tool 'add': /);
    expect(message).toMatch(/a: Invalid type: Expected number but received "x"/);
    expect(message).toMatch(/b: Invalid key/);
  });

  test('object and array arguments sent as JSON strings are parsed and accepted', async () => {
    const sum = tool({
      name: 'sum',
      input: v.object({ values: v.array(v.number()), options: v.object({ round: v.boolean() }) }),
      run: ({ values, options }) => (options.round ? Math.round(values.reduce((a, b) => a + b, 0)) : 0),
    });
    const result = await serverWith([sum]).callTool('sum', { values: '[1.4, 2.4]', options: '{"round":true}' });
    expect(result).toEqual({ content: [{ type: 'text', text: '4' }] });
  });

  test('a stringified value that still does not validate reports the original problem', async () => {
    const takes = tool({
      name: 'takes',
      input: v.object({ list: v.array(v.string()) }),
      run: ({ list }) => list.length,
    });
    const result = await serverWith([takes]).callTool('takes', { list: '[1, 2]' });
    expect(result.isError).toBe(true);
    expect((result.content[0] as { text: string }).text).toMatch(/list: Invalid type: Expected Array/);
  });

  test('a string that is meant to be a string is left alone', async () => {
    const echo = tool({ name: 'echo', input: v.object({ s: v.string() }), run: ({ s }) => s });
    expect(await serverWith([echo]).callTool('echo', { s: '[not json' })).toEqual({
      content: [{ type: 'text', text: '[not json' }],
    });
    expect(await serverWith([echo]).callTool('echo', { s: '{"a":1}' })).toEqual({
      content: [{ type: 'text', text: '{"a":1}' }],
    });
  });

  test('arguments that are not an object are a tool error', async () => {
    const response = await serverWith([add]).handle({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'add', arguments: [1, 2] },
    });
    expect(response).toMatchObject({ result: { isError: true } });
  });

  test('an unknown tool is JSON-RPC error -32602, not a tool error', async () => {
    const server = serverWith([add]);
    const response = await server.handle({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'nope' } });
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 7,
      error: { code: ErrorCode.InvalidParams, message: 'Unknown tool: "nope"', data: { name: 'nope' } },
    });
    await expect(server.callTool('nope')).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('tools/call: errors', () => {
  test('ToolError becomes isError with exactly its message, even when masking', async () => {
    const fails = tool({
      name: 'fails',
      run: () => {
        throw new ToolError('the quota is used up');
      },
    });
    for (const maskErrorDetails of [false, true]) {
      expect(await serverWith([fails], { maskErrorDetails }).callTool('fails')).toEqual({
        content: [{ type: 'text', text: 'the quota is used up' }],
        isError: true,
      });
    }
  });

  test('other errors become isError with their message, or a generic one when masked', async () => {
    const crashes = tool({
      name: 'crashes',
      run: async () => {
        throw new Error('db password is hunter2');
      },
    });
    const plain = await serverWith([crashes]).callTool('crashes');
    expect(plain).toEqual({ content: [{ type: 'text', text: 'db password is hunter2' }], isError: true });
    const masked = await serverWith([crashes], { maskErrorDetails: true }).callTool('crashes');
    expect(masked).toEqual({ content: [{ type: 'text', text: "Error calling tool 'crashes'" }], isError: true });
  });

  test('a ProtocolError thrown by a handler becomes a JSON-RPC error', async () => {
    const strict = tool({
      name: 'strict',
      run: () => {
        throw new ProtocolError(ErrorCode.InvalidParams, 'no such account', { account: 9 });
      },
    });
    const response = await serverWith([strict]).handle({
      jsonrpc: '2.0',
      id: 'x',
      method: 'tools/call',
      params: { name: 'strict' },
    });
    expect(response).toEqual({
      jsonrpc: '2.0',
      id: 'x',
      error: { code: -32602, message: 'no such account', data: { account: 9 } },
    });
  });

  test('timeoutMs fails the call and aborts the handler signal', async () => {
    let aborted: boolean | undefined;
    const slow = tool({
      name: 'slow',
      timeoutMs: 20,
      run: (_args, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = ctx.signal.aborted;
            resolve('late');
          });
        }),
    });
    const result = await serverWith([slow]).callTool('slow');
    expect(result).toEqual({ content: [{ type: 'text', text: "Tool 'slow' timed out after 20 ms" }], isError: true });
    expect(aborted).toBe(true);
  });

  test('a direct call gets a signal of its own, the same on every read and in copies of the context', async () => {
    const seen: AbortSignal[] = [];
    const look = tool({
      name: 'look',
      run: (_args, ctx) => {
        seen.push(ctx.signal, ctx.signal, { ...ctx }.signal);
        return String(ctx.signal.aborted);
      },
    });
    const server = serverWith([look]);
    expect(await server.callTool('look')).toEqual({ content: [{ type: 'text', text: 'false' }] });
    await server.handle({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'look' } });
    expect(seen.every((signal) => signal instanceof AbortSignal)).toBe(true);
    expect(new Set(seen.slice(0, 3)).size).toBe(1);
    expect(new Set(seen.slice(3)).size).toBe(1);
    expect(seen[0]).not.toBe(seen[3]);
  });

  test("the caller's signal reaches the handler, and aborting it is seen there", async () => {
    const controller = new AbortController();
    let reason: unknown;
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const wait = tool({
      name: 'wait',
      run: (_args, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            reason = ctx.signal.reason;
            resolve('stopped');
          });
          started();
        }),
    });
    const pending = serverWith([wait]).callTool('wait', {}, { signal: controller.signal });
    await running;
    controller.abort('client cancelled');
    expect(await pending).toEqual({ content: [{ type: 'text', text: 'stopped' }] });
    expect(reason).toBe('client cancelled');
  });

  test('a handler that ignores its signal still times out', async () => {
    const stuck = tool({ name: 'stuck', timeoutMs: 10, run: () => new Promise(() => {}) });
    expect((await serverWith([stuck]).callTool('stuck')).isError).toBe(true);
  });
});

describe('tools/call: return values', () => {
  const returning = (value: unknown, extra: Partial<Parameters<typeof tool>[0]> = {}) =>
    serverWith([tool({ name: 'r', run: () => value, ...extra })]).callTool('r');

  test('scalars become text', async () => {
    expect(await returning('hi')).toEqual({ content: [{ type: 'text', text: 'hi' }] });
    expect(await returning(42)).toEqual({ content: [{ type: 'text', text: '42' }] });
    expect(await returning(false)).toEqual({ content: [{ type: 'text', text: 'false' }] });
  });

  test('undefined and null give empty content', async () => {
    expect(await returning(undefined)).toEqual({ content: [] });
    expect(await returning(null)).toEqual({ content: [] });
  });

  test('objects become structuredContent plus their JSON as text', async () => {
    expect(await returning({ a: 1, b: [2] })).toEqual({
      content: [{ type: 'text', text: '{"a":1,"b":[2]}' }],
      structuredContent: { a: 1, b: [2] },
    });
  });

  test('arrays become structuredContent wrapped as { result } (structured content is an object)', async () => {
    expect(await returning([1, 2])).toEqual({
      content: [{ type: 'text', text: '[1,2]' }],
      structuredContent: { result: [1, 2] },
    });
  });

  test('content helpers and arrays of them are returned as is', async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(await returning(text('one'))).toEqual({ content: [{ type: 'text', text: 'one' }] });
    const all = await returning([
      text('t'),
      image(png, 'image/png'),
      audio('AAAA', 'audio/wav'),
      resourceLink({ uri: 'file:///a.txt', name: 'a' }),
      embedded({ uri: 'data://x', text: 'inline', mimeType: 'text/plain' }),
    ]);
    expect(all.content).toEqual([
      { type: 'text', text: 't' },
      { type: 'image', data: 'iVBORw==', mimeType: 'image/png' },
      { type: 'audio', data: 'AAAA', mimeType: 'audio/wav' },
      { type: 'resource_link', uri: 'file:///a.txt', name: 'a' },
      { type: 'resource', resource: { uri: 'data://x', mimeType: 'text/plain', text: 'inline' } },
    ]);
    expect(all.structuredContent).toBeUndefined();
  });

  test('a plain object shaped like content is data, not content', async () => {
    expect(await returning({ type: 'text', text: 'x' })).toMatchObject({
      structuredContent: { type: 'text', text: 'x' },
    });
  });

  test('bytes become image, audio or blob content by the tool mimeType', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect((await returning(bytes, { mimeType: 'image/png' })).content).toEqual([
      { type: 'image', data: 'AQID', mimeType: 'image/png' },
    ]);
    expect((await returning(bytes, { mimeType: 'audio/mpeg' })).content).toEqual([
      { type: 'audio', data: 'AQID', mimeType: 'audio/mpeg' },
    ]);
    expect((await returning(bytes)).content).toEqual([
      { type: 'resource', resource: { uri: 'tool://r/result', mimeType: 'application/octet-stream', blob: 'AQID' } },
    ]);
  });

  test('a serializer replaces JSON for non-string results, and falls back to JSON when it throws', async () => {
    const yamlish = (value: unknown) =>
      Object.entries(value as object)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n');
    const data = tool({ name: 'data', run: () => ({ a: 1, b: 2 }) });
    const echo = tool({ name: 'echo', run: () => 'as is' });
    const server = serverWith([data, echo], { serializer: yamlish });
    expect((await server.callTool('data')).content).toEqual([{ type: 'text', text: 'a: 1\nb: 2' }]);
    expect((await server.callTool('echo')).content).toEqual([{ type: 'text', text: 'as is' }]);
    const broken = serverWith([data], {
      serializer: () => {
        throw new Error('boom');
      },
    });
    expect((await broken.callTool('data')).content).toEqual([{ type: 'text', text: '{"a":1,"b":2}' }]);
  });
});

describe('tools/call: output schema', () => {
  test('a valid result sets structuredContent and its JSON text', async () => {
    const add2 = tool({
      name: 'add',
      input: v.object({ a: v.number(), b: v.number() }),
      output: v.object({ sum: v.number() }),
      run: ({ a, b }) => ({ sum: a + b }),
    });
    expect(await serverWith([add2]).callTool('add', { a: 1, b: 2 })).toEqual({
      content: [{ type: 'text', text: '{"sum":3}' }],
      structuredContent: { sum: 3 },
    });
  });

  test('a result that does not match is an isError result with a clear message', async () => {
    const liar = tool({ name: 'liar', output: v.object({ sum: v.number() }), run: () => ({ sum: 'three' }) as never });
    const result = await serverWith([liar]).callTool('liar');
    expect(result.isError).toBe(true);
    expect((result.content[0] as { text: string }).text).toBe(
      'Tool \'liar\' returned a result that does not match its output schema: sum: Invalid type: Expected number but received "three"',
    );
  });

  test('a non-object output is wrapped as { result }', async () => {
    const count = tool({ name: 'count', output: v.array(v.string()), run: () => ['a', 'b'] });
    expect(await serverWith([count]).callTool('count')).toEqual({
      content: [{ type: 'text', text: '["a","b"]' }],
      structuredContent: { result: ['a', 'b'] },
    });
  });

  test('the output schema transforms are applied to what is sent', async () => {
    const trimmed = tool({
      name: 'trimmed',
      output: v.object({ s: v.pipe(v.string(), v.trim()) }),
      run: () => ({ s: '  x ' }),
    });
    expect((await serverWith([trimmed]).callTool('trimmed')).structuredContent).toEqual({ s: 'x' });
  });
});
