/**
 * Hostile input against the Streamable HTTP endpoint: every malformed,
 * oversized or booby-trapped request gets a well-formed JSON-RPC error (or the
 * documented HTTP status), and the server goes on serving a normal tools/call.
 */
import { request as nodeRequest } from 'node:http';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createHardeningServer,
  expectHttpRpcError,
  expectStillServing,
  finalOf,
  messagesOf,
  rpc,
  textOf,
} from './hardening-helpers.js';
import { createCleanup, openRawSession, post, postHeaders, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(cleanup.run);

/** A served hardening server with one open session; `headers` name that session. */
const open = async (options: Parameters<typeof startHttp>[1] = {}) => {
  const { url } = await startHttp(cleanup, options, createHardeningServer());
  const id = await openRawSession(url);
  return { url, headers: { 'mcp-session-id': id, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION } };
};

/** The final JSON-RPC answer to a POST that got 200. */
const answerTo = async (response: Response) => {
  expect(response.status).toBe(200);
  const answer = finalOf(await messagesOf(response));
  expect(answer).toBeDefined();
  return answer as NonNullable<typeof answer>;
};

/** POSTs raw bytes with a chunked body (no Content-Length), through node:http. */
const postChunked = (url: string, chunks: readonly (string | Uint8Array)[], headers: Record<string, string>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = nodeRequest(url, { method: 'POST', headers: postHeaders(headers) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });

describe('hardening: malformed requests', () => {
  it('answers malformed JSON with 400 / -32700', async () => {
    const { url, headers } = await open();
    for (const body of ['{', '{"jsonrpc":"2.0",', 'nul', '', ' ', '\u0000', '{"a":1}}', "{'a':1}", '01']) {
      await expectHttpRpcError(await post(url, body, headers), 400, -32700);
    }
    await expectStillServing(url, headers);
  });

  it('answers valid JSON that is not a JSON-RPC message with 400 / -32600', async () => {
    const { url, headers } = await open();
    const bodies = [
      42,
      'x',
      null,
      true,
      {},
      { jsonrpc: '1.0', id: 1, method: 'ping' },
      { id: 1, method: 'ping' },
      { jsonrpc: '2.0', id: {}, method: 'ping' },
      { jsonrpc: '2.0', id: [1], method: 'ping' },
      { jsonrpc: '2.0', id: null, method: 'ping' },
      { jsonrpc: '2.0', id: true, method: 'ping' },
      { jsonrpc: '2.0', id: 1, method: 42 },
      { jsonrpc: '2.0', id: 1 },
    ];
    for (const body of bodies) {
      await expectHttpRpcError(await post(url, JSON.stringify(body), headers), 400, -32600);
    }
    await expectStillServing(url, headers);
  });

  it('accepts stray client responses (unknown, odd or prototype-named ids) with 202 and no effect', async () => {
    const { url, headers } = await open();
    const responses = [
      { jsonrpc: '2.0', id: 99, result: {} },
      { jsonrpc: '2.0', id: '__proto__', result: { polluted: 'yes' } },
      { jsonrpc: '2.0', id: 'constructor', error: { code: -1, message: 'x' } },
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'client could not parse' } },
      { jsonrpc: '2.0', id: 1, result: {}, error: {} },
    ];
    for (const message of responses) {
      const response = await post(url, message, headers);
      expect(response.status, JSON.stringify(message)).toBe(202);
      expect(await response.text()).toBe('');
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    await expectStillServing(url, headers);
  });

  it('refuses JSON-RPC batches (removed from the protocol) with -32600', async () => {
    const { url, headers } = await open();
    for (const batch of [[], [rpc(1, 'ping')], [rpc(1, 'ping'), rpc(2, 'ping')], [call(3, 'echo', { text: 'x' })]]) {
      await expectHttpRpcError(await post(url, batch, headers), 400, -32600);
    }
    await expectStillServing(url, headers);
  });

  it('answers unknown methods with -32601 and the request id, whatever the name', async () => {
    const { url, headers } = await open();
    const names = [
      'foo/bar',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'tools/call/',
      'x'.repeat(5000),
    ];
    for (const [i, method] of names.entries()) {
      const answer = await answerTo(await post(url, rpc(i + 1, method), headers));
      expect(answer).toMatchObject({ id: i + 1, error: { code: -32601 } });
    }
    await expectStillServing(url, headers);
  });

  it('answers wrong param types with -32602 (or a tool error for bad arguments)', async () => {
    const { url, headers } = await open();
    const invalidParams = [
      rpc(1, 'tools/call', { name: 42 }),
      rpc(2, 'tools/call', []),
      rpc(3, 'tools/call', 'x'),
      rpc(4, 'tools/call', { name: null }),
      rpc(5, 'tools/call', { name: { toString: 'echo' } }),
      rpc(6, 'resources/read', { uri: 42 }),
      rpc(7, 'prompts/get', { name: ['x'] }),
      rpc(8, 'logging/setLevel', { level: 'loud' }),
      rpc(9, 'resources/subscribe', { uri: {} }),
      rpc(10, 'tools/list', 7),
      rpc(11, 'completion/complete', { ref: 'x', argument: 1 }),
    ];
    for (const message of invalidParams) {
      const answer = await answerTo(await post(url, message, headers));
      expect(answer, JSON.stringify(message)).toMatchObject({ id: message.id, error: { code: -32602 } });
    }
    // Bad arguments of a known tool are a tool error the model can read.
    for (const [i, args] of (['x', [1, 2], 42, { text: 42 }, { text: null }] as unknown[]).entries()) {
      const answer = await answerTo(await post(url, call(100 + i, 'echo', args), headers));
      expect(answer, JSON.stringify(args)).toMatchObject({ id: 100 + i, result: { isError: true } });
    }
    await expectStillServing(url, headers);
  });

  it('refuses initialize whose params are not an object', async () => {
    const { url, headers } = await open();
    for (const params of [[], 'x', 42]) {
      const response = await post(url, rpc(1, 'initialize', params));
      if (response.status === 200) {
        const answer = finalOf(await messagesOf(response));
        expect(answer).toMatchObject({ id: 1, error: { code: -32602 } });
        expect(response.headers.get('mcp-session-id')).toBeNull();
      } else {
        await expectHttpRpcError(response, 400, -32602);
      }
    }
    await expectStillServing(url, headers);
  });
});

describe('hardening: sizes and nesting', () => {
  it('answers 413 to a body over the cap, with Content-Length', async () => {
    const { url, headers } = await open({ maxBodyBytes: 1024 });
    const big = JSON.stringify(call(1, 'echo', { text: 'x'.repeat(2000) }));
    await expectHttpRpcError(await post(url, big, headers), 413, -32600);
    await expectStillServing(url, headers);
  });

  it('answers 413 to a chunked body over the cap (no Content-Length)', async () => {
    const { url, headers } = await open({ maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(300);
    const { status, body } = await postChunked(
      url,
      [
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"',
        ...Array(20).fill(chunk),
        '"}}}',
      ],
      headers,
    );
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });
    await expectStillServing(url, headers);
  });

  it('accepts a chunked body under the cap', async () => {
    const { url, headers } = await open({ maxBodyBytes: 1024, json: true });
    const { status, body } = await postChunked(url, ['{"jsonrpc":"2.0","id":1,', '"method":"ping"}'], headers);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  });

  it('survives 100k nested arrays and objects anywhere in a request', async () => {
    const { url, headers } = await open({ json: true });
    const depth = 100_000;
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const bodies = [
      arrays,
      objects,
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":${arrays}}}}`,
      `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"inspect","arguments":{"deep":${objects}}}}`,
      `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":${arrays}}}`,
      `{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","_meta":${objects}}}`,
      `{"jsonrpc":"2.0","id":5,"method":"resources/read","params":{"uri":${objects}}}`,
      `{"jsonrpc":"2.0","id":6,"method":"nope","params":${objects}}`,
      `{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"x","arguments":${objects}}}`,
    ];
    for (const body of bodies) {
      const response = await post(url, body, headers);
      expect(response.status, body.slice(0, 80)).toBeLessThan(500);
      const answer = (await response.json()) as { jsonrpc: string; error?: { code: number } };
      expect(answer.jsonrpc).toBe('2.0');
    }
    await expectStillServing(url, headers);
  });
});

describe('hardening: prototype pollution', () => {
  const poisoned = () => ({
    __proto__: { polluted: 'yes' },
    constructor: { prototype: { polluted: 'yes' } },
    prototype: { polluted: 'yes' },
  });
  // JSON.parse keeps "__proto__" as an own key; object literals would not, so build the text by hand.
  const poisonText =
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';

  it('keeps __proto__/constructor/prototype keys in params, arguments and _meta from polluting anything', async () => {
    const { url, headers } = await open();
    const bodies = [
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"inspect","arguments":${poisonText},"_meta":${poisonText}}}`,
      `{"__proto__":{"polluted":"yes"},"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"a"}}}`,
      `{"jsonrpc":"2.0","id":3,"method":"tools/list","params":${poisonText}}`,
      `{"jsonrpc":"2.0","id":4,"method":"prompts/get","params":{"name":"__proto__","arguments":${poisonText}}}`,
      `{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"__proto__","arguments":${poisonText}}}`,
      `{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"constructor"}}`,
      `{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"__proto__","_meta":${poisonText}}}`,
      `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"__proto__","__proto__":{"reason":"x"}}}`,
    ];
    for (const body of bodies) {
      const response = await post(url, body, headers);
      expect(response.status, body).toBeLessThan(500);
      await messagesOf(response);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    expect(poisoned().constructor).toEqual({ prototype: { polluted: 'yes' } });
    await expectStillServing(url, headers);
  });

  it('passes such keys to a tool as plain own keys', async () => {
    const { url, headers } = await open();
    const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"inspect","arguments":${poisonText}}}`;
    const answer = await answerTo(await post(url, body, headers));
    expect(JSON.parse(textOf(answer.result))).toEqual({
      keys: ['__proto__', 'constructor', 'prototype'],
      plainPrototype: true,
      inherited: [],
    });
  });

  it('never lets a __proto__ argument supply a field the schema validates', async () => {
    const { url, headers } = await open();
    // `items` sent as a JSON string takes the argument-repair path, which copies every key.
    const body =
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"flags","arguments":{"items":"[1,2]","__proto__":{"admin":true}}}}';
    const answer = await answerTo(await post(url, body, headers));
    expect(textOf(answer.result)).toBe('admin=false items=2');
  });

  it('does not read client capabilities through a __proto__ key in initialize', async () => {
    const { url } = await startHttp(cleanup, { json: true }, createHardeningServer());
    const body = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"${LATEST_PROTOCOL_VERSION}","capabilities":{"__proto__":{"sampling":{},"roots":{}}},"clientInfo":{"__proto__":{"name":"x"},"name":"c","version":"1"}}}`;
    const response = await post(url, body);
    expect(response.status).toBe(200);
    const id = response.headers.get('mcp-session-id') as string;
    expect((await response.json()) as object).toMatchObject({
      id: 1,
      result: { protocolVersion: LATEST_PROTOCOL_VERSION },
    });
    expect(({} as { sampling?: unknown }).sampling).toBeUndefined();
    await expectStillServing(url, { 'mcp-session-id': id });
  });
});

describe('hardening: encodings and content types', () => {
  it('answers a body that is not valid UTF-8 with 400 / -32700', async () => {
    const { url, headers } = await open();
    const prefix = new TextEncoder().encode(
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"',
    );
    const suffix = new TextEncoder().encode('"}}}');
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      const body = new Uint8Array([...prefix, ...bad, ...suffix]);
      const response = await fetch(url, { method: 'POST', headers: postHeaders(headers), body });
      await expectHttpRpcError(response, 400, -32700);
    }
    await expectStillServing(url, headers);
  });

  it('answers 415 to every content type but application/json', async () => {
    const { url, headers } = await open();
    const body = JSON.stringify(call(1, 'echo', { text: 'x' }));
    const types = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/json-patch+json',
      'text/json',
      'application/javascript',
      '',
    ];
    for (const type of types) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...postHeaders(headers), 'content-type': type },
        body,
      });
      await expectHttpRpcError(response, 415, -32600);
    }
    const noType = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json, text/event-stream', ...headers },
      body: new Blob([body]),
    });
    await expectHttpRpcError(noType, 415, -32600);
    const charset = await post(url, body, { ...headers, 'content-type': 'Application/JSON; charset=utf-8' });
    expect(charset.status).toBe(200);
    await messagesOf(charset);
    await expectStillServing(url, headers);
  });
});
