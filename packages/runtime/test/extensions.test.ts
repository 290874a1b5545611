/**
 * Extensions and custom request methods over real transports: the SDK v1
 * client over stdio (`mcpkit run`) and Streamable HTTP, and the SDK v2 client
 * on the 2026-07-28 era.
 */
import { fileURLToPath } from 'node:url';
import { Client as ClientV2, StreamableHTTPClientTransport as HttpV2 } from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { EmptyResultSchema, McpError, ResultSchema } from '@modelcontextprotocol/sdk/types.js';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { cliArgs, ROOT } from './cli-helpers.js';
import { createExtensionsServer, EXTENSION } from './fixtures/extensions-server.js';
import { createCleanup, startHttp } from './http-helpers.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const FIXTURE = fileURLToPath(new URL('./fixtures/extensions-server.ts', import.meta.url));
const SearchResult = ResultSchema;

/** An SDK v1 client declaring the fixture's extension, connected over `transport`. */
const connectV1 = async (transport: Transport) => {
  const client = new Client(
    { name: 'ext-test', version: '1.0.0' },
    { capabilities: { extensions: { [EXTENSION]: { mimeTypes: ['text/html'] } } } },
  );
  cleanup.add(() => client.close());
  await client.connect(transport);
  return client;
};

/** The JSON-RPC error code a request failed with. */
const codeOf = async (promise: Promise<unknown>): Promise<number | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof McpError ? error.code : -1;
  }
};

const transports = {
  stdio: async () => new StdioClientTransport({ command: process.execPath, args: cliArgs('run', FIXTURE), cwd: ROOT }),
  http: async () => {
    const running = await startHttp(cleanup, {}, createExtensionsServer());
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    return new StreamableHTTPClientTransport(new URL(running.url));
  },
};

describe.each(Object.entries(transports))('extensions and custom methods, SDK v1 over %s', (name, open) => {
  it('advertises capabilities.extensions at initialize', async () => {
    const client = await connectV1(await open());
    expect(client.getServerCapabilities()?.extensions).toEqual({ [EXTENSION]: { engines: ['web'] } });
  });

  it('answers a custom method with validated params and the settings the client declared', async () => {
    const client = await connectV1(await open());
    const result = await client.request(
      { method: 'com.example/search', params: { query: 'mcp', limit: 2 } },
      SearchResult,
    );
    expect((result as { hits: unknown }).hits).toEqual(['mcp#1', 'mcp#2']);
    expect((result as { clientSettings: unknown }).clientSettings).toEqual({ mimeTypes: ['text/html'] });
    // A handler that returns nothing answers an empty result.
    expect(await client.request({ method: 'com.example/ping' }, EmptyResultSchema)).toEqual({});
    // ctx.http: the POST on HTTP, absent on stdio.
    expect(await client.request({ method: 'com.example/http' }, SearchResult)).toEqual({
      http: name === 'http' ? { method: 'POST' } : null,
    });
  });

  it('answers bad params with -32602, an unknown method with -32601, a throwing handler with -32603, and keeps serving', async () => {
    const client = await connectV1(await open());
    const bad = client.request({ method: 'com.example/search', params: { query: '' } }, SearchResult);
    await expect(bad).rejects.toThrow(/query/);
    expect(await codeOf(client.request({ method: 'com.example/search', params: { query: 42 } }, SearchResult))).toBe(
      -32602,
    );
    expect(await codeOf(client.request({ method: 'com.example/nope', params: {} }, EmptyResultSchema))).toBe(-32601);
    const failing = client.request({ method: 'com.example/fail' }, EmptyResultSchema);
    await expect(failing).rejects.toMatchObject({ code: -32603, message: expect.stringContaining('backend is down') });
    expect(await client.request({ method: 'com.example/search', params: { query: 'a' } }, SearchResult)).toMatchObject({
      hits: ['a#1', 'a#2', 'a#3'],
    });
  });
});

describe('custom methods through middleware, over HTTP', () => {
  it('runs them through the server middleware like built-in methods; unknown ones never reach it', async () => {
    const seen: string[] = [];
    const running = await startHttp(cleanup, {}, createExtensionsServer(seen));
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const client = await connectV1(new StreamableHTTPClientTransport(new URL(running.url)));
    await client.request({ method: 'com.example/search', params: { query: 'x' } }, SearchResult);
    await codeOf(client.request({ method: 'com.example/unknown' }, EmptyResultSchema));
    expect(seen).toContain('com.example/search');
    expect(seen).not.toContain('com.example/unknown');
  });
});

describe('extensions and custom methods, SDK v2 on 2026-07-28', () => {
  const connectV2 = async (extensions?: Record<string, Record<string, string[]>>) => {
    const running = await startHttp(cleanup, {}, createExtensionsServer());
    const client = new ClientV2(
      { name: 'ext-v2', version: '1.0.0' },
      {
        versionNegotiation: { mode: { pin: '2026-07-28' } },
        ...(extensions ? { capabilities: { extensions } } : {}),
      },
    );
    cleanup.add(() => client.close());
    await client.connect(new HttpV2(new URL(running.url)));
    return client;
  };
  const Search = v.looseObject({ hits: v.array(v.string()), clientSettings: v.unknown() });

  it('advertises the extensions in server/discover', async () => {
    const client = await connectV2();
    expect(client.getServerCapabilities()?.extensions).toEqual({ [EXTENSION]: { engines: ['web'] } });
  });

  it('serves a custom method; the client extensions come from the request _meta', async () => {
    const declaring = await connectV2({ [EXTENSION]: { mimeTypes: ['text/html'] } });
    const result = await declaring.request({ method: 'com.example/search', params: { query: 'q', limit: 1 } }, Search);
    expect(result).toMatchObject({ hits: ['q#1'], clientSettings: { mimeTypes: ['text/html'] } });
    const silent = await connectV2();
    expect(await silent.request({ method: 'com.example/search', params: { query: 'q' } }, Search)).toMatchObject({
      clientSettings: null,
    });
  });

  it('answers bad params with -32602 and an unknown method with -32601 (HTTP 404)', async () => {
    const client = await connectV2();
    await expect(client.request({ method: 'com.example/search', params: { query: 7 } }, Search)).rejects.toMatchObject({
      code: -32602,
    });
    // The modern era answers an unknown method with HTTP 404 carrying -32601, which the client raises as is.
    await expect(client.request({ method: 'com.example/none', params: {} }, Search)).rejects.toThrow(
      /-32601|Method not found/,
    );
  });
});
